#!/usr/bin/env node
// The CLI, bundled with commander into a few files by scripts/build-cli.mjs: start-up is most of
// what a single check costs.
import { run } from '../dist/bundle/main.js';

run(process.argv);
