#!/usr/bin/env bash
# The recipe of models/entity-tagger-1.bin and -2.bin: trains the tagger on CoNLL-2003 eng.train, picks
# the epoch on eng.testa, and writes the model. Deterministic (fixed seed). Run after
# changing the features (core/3-entities/features.cpp) or the demonym lexicon, then
# rebuild: the model is compiled into the core.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
data="$root/../shared/data/conll2003"
bash "$root/tools/common-words.sh"
cmake -S "$root" -B "$root/build" -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build "$root/build" -j"$(nproc)" --target train-tagger
"$root/build/train-tagger" --train "$data/eng.train" --dev "$data/eng.testa" \
  --out-prefix "$root/models/entity-tagger" --epochs 15 --bits 17 --seed 1
