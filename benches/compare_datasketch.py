"""The speed anchor for soloai's copy detection: datasketch MinHashLSH candidates.

Reads one document per line, builds a 128-permutation MinHash over word 3-grams of each with
update_batch, inserts all into a MinHashLSH (threshold 0.5) and queries each document, which is
what candidate generation means. Prints 'SECONDS <wall time>' for the Rust bench to read.
"""
import sys
import time

from datasketch import MinHash, MinHashLSH


def main(path):
    with open(path, encoding="utf-8") as f:
        docs = [line.split() for line in f]
    started = time.perf_counter()
    cpu_started = time.process_time()
    lsh = MinHashLSH(threshold=0.5, num_perm=128)
    sketches = []
    for i, words in enumerate(docs):
        m = MinHash(num_perm=128)
        m.update_batch(
            [" ".join(words[j:j + 3]).lower().encode("utf-8") for j in range(len(words) - 2)]
        )
        lsh.insert(str(i), m)
        sketches.append(m)
    pairs = 0
    for i, m in enumerate(sketches):
        pairs += sum(1 for k in lsh.query(m) if k != str(i))
    elapsed = time.perf_counter() - started
    cpu = time.process_time() - cpu_started
    print(f"datasketch: {len(docs)} docs, {pairs // 2} candidate pairs")
    print(f"SECONDS {elapsed:.3f}")
    print(f"CPU_SECONDS {cpu:.3f}")


if __name__ == "__main__":
    main(sys.argv[1])
