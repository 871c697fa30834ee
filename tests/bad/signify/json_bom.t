# UTF-8 byte order mark before the document (json.loads: Unexpected UTF-8 BOM)
# Python: JSONDecodeError: Unexpected UTF-8 BOM (decode using utf-8-sig): line 1 column 1 (char 0)
tool: signify
args: --jsonl
status: 1
--- input-gen
\xef\xbb\xbf{"crashing_thread": 0}\n
--- stdout
{"error": "Unexpected UTF-8 BOM (decode using utf-8-sig): line 1 column 1 (char 0)", "line": 1}
