# Bad rules files, one case per block: the file's text between `--- text` and `--- error`,
# then the exact first diagnostic line `sigc disasm` prints (FILE stands for the file's path).
--- text
rule A { signature = ; }
--- error
FILE:1:22: error: syntax error near ';'
--- text
rule A { nosuch(1); }
--- error
FILE:1:10: error: unknown built-in 'nosuch'
--- text
rule A { x = int(1, 2); }
--- error
FILE:1:14: error: built-in 'int' takes 1 argument(s), not 2
--- text
rule A { signature = y; }
--- error
FILE:1:22: error: unknown name 'y' (not a local or a const)
--- text
rule A { try { return; } except (NoSuchError) { return; } }
--- error
FILE:1:34: error: unknown exception class 'NoSuchError'
--- text
rule A { return; }
rule A { return; }
--- error
FILE:2:1: error: rule 'A' is defined twice
--- text
rule A { info "bad \q escape"; }
--- error
FILE:1:20: error: unknown escape '\q' in string
--- text
rule A { info "unterminated; }
--- error
FILE:1:15: error: unexpected character '"' (or an unterminated string)
--- text
rule A { x = crash.items("k"); }
--- error
FILE:1:20: error: crash data has only .get("key") and ["key"]
--- text
rule A { info 1; }
--- error
FILE:1:10: error: info/debug need a string literal first
--- text
rule A { signature = "a" @ "b"; }
--- error
FILE:1:26: error: unexpected character '@' (or an unterminated string)
