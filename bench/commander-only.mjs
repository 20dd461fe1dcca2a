// Start-up baseline: a Node process that only imports commander.
import 'commander';
