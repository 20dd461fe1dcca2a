#!/usr/bin/env node
// The CLI is bundled into a few files (see build:cli) because loading ~30 small modules was a
// third of a single check's start-up time.
import { run } from '../dist/bundle/main.js';

run(process.argv);
