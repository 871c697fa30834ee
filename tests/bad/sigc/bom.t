# a UTF-8 BOM stays part of the first pattern (U+FEFF is not whitespace)
tool: sigc
args: lint $DIR
file: prefix_signature_re.txt
status: 0
timeout: 60
memory: 2048
--- input-gen
\xef\xbb\xbfabc\n
--- stderr
$DIR: 0 errors, 0 warnings
