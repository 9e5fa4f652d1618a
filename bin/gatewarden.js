#!/usr/bin/env node
require('../dist/src/cli/v8-flags.js').applyCliV8Flags();
require('../dist/src/cli/main.js').run(process.argv.slice(2));
