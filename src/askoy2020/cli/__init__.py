"""The command line: thin functions that parse options, call the library
and hand the result to a reporter."""
