/** The `shiplens` command line (placeholder until the CLI lands). */
process.stdout.write('shiplens\n');
