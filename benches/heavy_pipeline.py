"""The scripted pipeline soloai's heavy-overlap bench is measured against (issue #10).

What a council's IT person could script in an afternoon: every entry's text with pdftotext
(PDF) or pandoc (.docx), every corpus document read as text, a 128-permutation MinHash over
word 3-grams of each (datasketch, update_batch), all inserted into a MinHashLSH (threshold 0.5),
then each entry queried: candidate pairs only, no passages, no report. Prints its counts on
stderr; the Rust bench times the whole process.

    python3 benches/heavy_pipeline.py ENTRIES_DIR CORPUS_DIR
"""
import os
import subprocess
import sys

from datasketch import MinHash, MinHashLSH


def text_of(path):
    if path.endswith(".pdf"):
        return subprocess.run(["pdftotext", "-enc", "UTF-8", path, "-"],
                              capture_output=True, check=False).stdout.decode("utf-8", "replace")
    if path.endswith(".docx"):
        return subprocess.run(["pandoc", "-t", "plain", path],
                              capture_output=True, check=False).stdout.decode("utf-8", "replace")
    with open(path, encoding="utf-8", errors="replace") as f:
        return f.read()


def sketch(text):
    words = text.lower().split()
    m = MinHash(num_perm=128)
    m.update_batch([" ".join(words[j:j + 3]).encode("utf-8") for j in range(len(words) - 2)])
    return m


def main(entries_dir, corpus_dir):
    entries = sorted(os.path.join(entries_dir, f) for f in os.listdir(entries_dir))
    corpus = sorted(os.path.join(corpus_dir, f) for f in os.listdir(corpus_dir))
    lsh = MinHashLSH(threshold=0.5, num_perm=128)
    entry_sketches = []
    for i, p in enumerate(entries):
        m = sketch(text_of(p))
        entry_sketches.append(m)
        lsh.insert("e%d" % i, m)
    for i, p in enumerate(corpus):
        lsh.insert("c%d" % i, sketch(text_of(p)))
    pairs = 0
    for i, m in enumerate(entry_sketches):
        pairs += sum(1 for k in lsh.query(m) if k != "e%d" % i)
    print("pipeline: %d entries, %d corpus documents, %d candidate pairs"
          % (len(entries), len(corpus), pairs), file=sys.stderr)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
