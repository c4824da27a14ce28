#!/usr/bin/env node
// The courtdesk command: a thin launcher for the built CLI (npm's prepare step builds dist/).
require('../dist/cli/courtdesk.cjs').runCli();
