#!/usr/bin/env node
// CommonJS (package.json in this folder sets the type) because node starts a CommonJS entry
// sooner than an ES module, and every commit runs this file.
'use strict';

const { main } = require('../dist/main.cjs');

main(process.argv.slice(2)).then((exitCode) => {
  process.exitCode = exitCode;
});
