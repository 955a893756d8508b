/** Words that generated identifiers, folder names and prose are built from. */
// prettier-ignore
export const WORDS: readonly string[] = [
  'account', 'action', 'adapter', 'address', 'agent', 'alert', 'anchor', 'archive', 'array',
  'asset', 'attribute', 'audit', 'batch', 'binding', 'block', 'body', 'bound', 'bridge',
  'buffer', 'bundle', 'cache', 'callback', 'canvas', 'channel', 'chart', 'check', 'child',
  'chunk', 'client', 'clock', 'cluster', 'code', 'column', 'command', 'comment', 'commit',
  'component', 'config', 'connection', 'context', 'control', 'cursor', 'data', 'date', 'debug',
  'decoder', 'default', 'delta', 'detail', 'device', 'digest', 'document', 'domain', 'draft',
  'editor', 'effect', 'element', 'encoder', 'entry', 'error', 'event', 'export', 'factory',
  'feature', 'field', 'filter', 'flag', 'folder', 'form', 'format', 'frame', 'group', 'guard',
  'handler', 'header', 'helper', 'history', 'hook', 'host', 'image', 'import', 'index', 'input',
  'item', 'job', 'key', 'label', 'layer', 'layout', 'limit', 'link', 'list', 'loader', 'locale',
  'lock', 'log', 'map', 'marker', 'match', 'media', 'member', 'menu', 'message', 'meta',
  'method', 'metric', 'mode', 'model', 'module', 'monitor', 'mount', 'node', 'note', 'notice',
  'object', 'offset', 'option', 'order', 'output', 'owner', 'packet', 'page', 'panel', 'param',
  'parser', 'patch', 'path', 'payload', 'peer', 'plugin', 'point', 'policy', 'pool', 'port',
  'preview', 'profile', 'prompt', 'property', 'provider', 'proxy', 'query', 'queue', 'range',
  'reader', 'record', 'region', 'registry', 'render', 'report', 'request', 'resource',
  'response', 'result', 'role', 'route', 'router', 'rule', 'runner', 'sample', 'scheduler',
  'schema', 'scope', 'screen', 'script', 'search', 'section', 'selector', 'sequence', 'server',
  'service', 'session', 'setting', 'shape', 'signal', 'slot', 'snapshot', 'socket', 'source',
  'span', 'stack', 'state', 'status', 'step', 'store', 'stream', 'style', 'subject', 'summary',
  'table', 'tag', 'target', 'task', 'template', 'text', 'theme', 'thread', 'timer', 'token',
  'tool', 'trace', 'track', 'transform', 'tree', 'trigger', 'type', 'unit', 'update', 'upload',
  'user', 'value', 'version', 'view', 'watcher', 'widget', 'window', 'worker', 'writer', 'zone',
];

// prettier-ignore
export const VERBS: readonly string[] = [
  'apply', 'build', 'check', 'clear', 'collect', 'compare', 'compute', 'create', 'decode',
  'encode', 'ensure', 'fetch', 'filter', 'find', 'flush', 'format', 'get', 'handle', 'load',
  'make', 'merge', 'normalize', 'open', 'parse', 'prepare', 'read', 'register', 'remove',
  'render', 'reset', 'resolve', 'run', 'save', 'schedule', 'select', 'send', 'serialize', 'set',
  'sort', 'split', 'start', 'stop', 'sync', 'track', 'update', 'validate', 'watch', 'write',
];
