#!/usr/bin/env python3
"""A deterministic synthetic corpus for the benchmark (issue 5).

Reads the real digests under SOURCE (any *.md below it), pools their titles,
author names, summary sentences and vote counts, and writes N papers in the
current digest format, 30 a day, as OUT/YYYY/MM/DD.md:

    ## Daily Papers (2023-11-20)

    ### [Title](https://arxiv.org/abs/9000.00001)

    Vote: 12

    Authors: A, B, C

    - **What's New**: ...
    - **Technical Details**: ...
    - **Performance Highlights**: ...

Recombining real text keeps term statistics realistic (the same Korean and
English words, with their frequencies), while every paper is new. arXiv ids
are 9NNN.NNNNN, a range real new-style ids (07xx .. 2xxx) never use, unique
across the corpus and the extra day. Same SOURCE, N and --seed: byte-identical
output. Standard library only.

    make_corpus.py --source ../shared/corpus --papers 10000 --out /tmp/c10k \
                   --extra-day /tmp/c10k-extra
"""

import argparse
import ast
import datetime
import os
import random
import re
import sys

PAPERS_PER_DAY = 30
HEADER = re.compile(r"^### \[(.+)\]\((https?://[^)]+)\)\s*$")
LABELLED = re.compile(r"^- \*\*([^*]+)\*\*:\s*(.*)$")
SENTENCE_END = re.compile(r"(?<=[.!?])\s+")
SECTIONS = (("What's New", 2, 4), ("Technical Details", 2, 4), ("Performance Highlights", 1, 3))


class Pools:
    """What the real digests contribute: one list per kind of text."""

    def __init__(self):
        self.titles, self.heads, self.tails = [], [], []
        self.authors, self.votes, self.sentences = [], [], []

    def add_title(self, title):
        self.titles.append(title)
        head, sep, tail = title.partition(": ")
        if sep:
            self.heads.append(head)
            self.tails.append(tail)

    def add_text(self, text):
        text = text.strip()
        if text.startswith("[") and text.endswith("]"):
            try:  # Performance Highlights written as a Python list literal
                items = ast.literal_eval(text)
                for item in items:
                    self.add_text(str(item))
                return
            except (ValueError, SyntaxError):
                pass
        for sentence in SENTENCE_END.split(text):
            if len(sentence) >= 20:
                self.sentences.append(sentence.strip())


def read_pools(source):
    pools = Pools()
    files = []
    for root, dirs, names in os.walk(source):
        dirs.sort()
        files += [os.path.join(root, n) for n in sorted(names) if n.endswith(".md")]
    for path in files:
        with open(path, encoding="utf-8", errors="replace") as f:
            in_paper = False
            for line in f:
                line = line.rstrip("\n")
                header = HEADER.match(line)
                if header:
                    pools.add_title(header.group(1))
                    in_paper = True
                elif not in_paper:
                    continue
                elif line.startswith("Vote:"):
                    value = line[5:].strip()
                    if value.isdigit():
                        pools.votes.append(int(value))
                elif line.startswith("Authors:"):
                    pools.authors += [a.strip() for a in line[8:].split(",") if a.strip()]
                elif line.startswith("- "):
                    labelled = LABELLED.match(line)
                    pools.add_text(labelled.group(2) if labelled else line[2:])
    if not pools.titles or not pools.sentences or not pools.authors:
        sys.exit(f"make_corpus: no digests with papers under {source}")
    if not pools.votes:
        pools.votes = [0]
    return pools


def make_title(rng, pools):
    if pools.heads and rng.random() < 0.6:
        return f"{rng.choice(pools.heads)}: {rng.choice(pools.tails)}"
    a, b = rng.choice(pools.titles).split(), rng.choice(pools.titles).split()
    return " ".join(a[: max(1, len(a) // 2)] + b[len(b) // 2 :])


def make_paper(rng, pools, number):
    arxiv_id = f"{9000 + number // 100000:04d}.{number % 100000:05d}"
    # Sampling from the pool with repeats keeps each name's real frequency.
    authors = list(dict.fromkeys(rng.choice(pools.authors) for _ in range(rng.randint(1, 12))))
    lines = [
        f"### [{make_title(rng, pools)}](https://arxiv.org/abs/{arxiv_id})",
        "",
        f"![](https://cdn-thumbnails.huggingface.co/social-thumbnails/papers/{arxiv_id}.png)",
        "",
        f"Vote: {rng.choice(pools.votes)}",
        "",
        "Authors: " + ", ".join(authors),
        "",
    ]
    for name, low, high in SECTIONS:
        text = " ".join(rng.choice(pools.sentences) for _ in range(rng.randint(low, high)))
        lines.append(f"- **{name}**: {text}")
    return "\n".join(lines) + "\n"


def write_day(directory, day, papers):
    path = os.path.join(directory, f"{day:%Y}", f"{day:%m}", f"{day:%d}.md")
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write(f"## Daily Papers ({day.isoformat()})\n\n" + "\n".join(papers))


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--source", required=True, help="directory of real digests")
    parser.add_argument("--papers", type=int, required=True, help="papers to write (0: none)")
    parser.add_argument("--out", help="output directory (YYYY/MM/DD.md below it)")
    parser.add_argument("--extra-day", help="also write the next day's 30 papers here")
    parser.add_argument("--start", default="2023-11-20", help="first day, YYYY-MM-DD")
    parser.add_argument("--seed", type=int, default=5)
    args = parser.parse_args()
    if args.papers > 0 and not args.out:
        parser.error("--out is needed with --papers > 0")
    if args.papers + PAPERS_PER_DAY > 1_000_000 * 10:
        parser.error("at most 10 million papers (the id range)")

    pools = read_pools(args.source)
    rng = random.Random(args.seed)
    day = datetime.date.fromisoformat(args.start)
    number = 0
    while number < args.papers:
        count = min(PAPERS_PER_DAY, args.papers - number)
        write_day(args.out, day, [make_paper(rng, pools, number + i) for i in range(count)])
        number += count
        day += datetime.timedelta(days=1)
    if args.extra_day:
        papers = [make_paper(rng, pools, number + i) for i in range(PAPERS_PER_DAY)]
        write_day(args.extra_day, day, papers)
    print(f"make_corpus: {args.papers} papers from {len(pools.titles)} real ones"
          f"{', plus ' + day.isoformat() + ' in ' + args.extra_day if args.extra_day else ''}")


if __name__ == "__main__":
    main()
