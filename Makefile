# The two set-up commands a newcomer needs are `make run` and `make test`;
# both create the virtual environment on first use.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
DB     ?= sitrep.duckdb

.PHONY: run test test-fast lint bench eval fuzz clean browser-deps

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip==25.3
	$(BIN)/pip install --quiet -e '.[dev,ray]'
	touch $(STAMP)

EVAL_STAMP := $(VENV)/.installed-eval
SHARED_EVAL ?= ../shared/eval

$(EVAL_STAMP): $(STAMP)
	$(BIN)/pip install --quiet -e '.[dev,ray,eval]'
	touch $(EVAL_STAMP)

run: $(STAMP)
	$(BIN)/sitrep ingest examples/articles --db $(DB)
	$(BIN)/sitrep summary --db $(DB)

# Debian's chromium for the browser tests, where this machine can install it (root with
# apt); elsewhere those tests skip with a message. Playwright never downloads a browser.
browser-deps:
	@command -v chromium >/dev/null 2>&1 || { [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null \
	  && apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; } \
	  || echo "chromium not installed: browser tests will skip"

# The whole suite, then the project's own checks (lint and types).
test: $(STAMP) browser-deps
	$(BIN)/python -m pytest -q --durations=10
	$(BIN)/ruff check src tests bench fuzz
	$(BIN)/mypy

test-fast: $(STAMP)
	$(BIN)/python -m pytest -q -m "not slow" -x

lint: $(STAMP)
	$(BIN)/ruff check src tests bench fuzz
	$(BIN)/mypy

bench: $(STAMP)
	$(BIN)/python bench/throughput.py
	$(BIN)/python bench/long_texts.py --kb 50,200
	$(BIN)/python bench/ingest.py --docs 300 --workers 2
	$(BIN)/python bench/corpus_scale.py --sizes 1000,10000
	$(BIN)/python bench/volume.py --reports 2000 --timeline
	$(BIN)/python bench/kill_resume.py --runs 20 --reports 200
	$(BIN)/python bench/web_render.py --events 100,10000 --repeat 5
	$(BIN)/python bench/web_api.py --events 100000 --repeat 100

# Every harness on every data set that is present; each prints its table and a JSON line.
# The team's own sets are gated by pinned floors (eval/floors/); a drop fails the target.
GEO := $(SHARED_EVAL)/geoparsing
eval: $(EVAL_STAMP)
	$(BIN)/sitrep eval report --data examples --floors eval/floors/examples.json
	$(BIN)/sitrep eval events --data eval/events
	$(BIN)/sitrep eval report --data eval/outside/a
	$(BIN)/sitrep eval report --data eval/outside/b
	$(BIN)/sitrep eval report --data eval/outside/c
	$(BIN)/sitrep eval report --data eval/outside/d
	$(BIN)/sitrep eval report --data eval/outside/e
	$(BIN)/sitrep eval report --data eval/outside/f
	$(BIN)/sitrep eval report --data eval/outside/g
	$(BIN)/sitrep eval report --data eval/outside/h
	$(BIN)/sitrep eval report --data eval/outside/i
	$(BIN)/sitrep eval report --data eval/outside/j
	$(BIN)/sitrep eval report --data eval/outside/k
	$(BIN)/sitrep eval report --data eval/outside/l
	$(BIN)/sitrep eval report --data eval/outside/m
	$(BIN)/sitrep eval report --data eval/outside/n
	$(BIN)/sitrep eval report --data eval/outside/o
	$(BIN)/sitrep eval report --data eval/outside/p
	$(BIN)/sitrep eval report --data eval/outside/q
	$(BIN)/sitrep eval report --data eval/outside/r
	$(BIN)/sitrep eval report --data eval/outside/s
	$(BIN)/sitrep eval report --data eval/outside/t
	$(BIN)/sitrep eval report --data eval/outside/u
	$(BIN)/sitrep eval report --data eval/outside/v
	$(BIN)/sitrep eval report --data eval/outside/w
	$(BIN)/sitrep eval report --data eval/outside/x
	$(BIN)/sitrep eval report --data eval/outside/y
	$(BIN)/sitrep eval report --data eval/outside/z
	$(BIN)/sitrep eval report --data eval/outside/aa
	$(BIN)/sitrep eval report --data eval/outside/ab
	$(BIN)/sitrep eval report --data eval/outside/ac
	$(BIN)/sitrep eval report --data eval/outside/ad
	$(BIN)/sitrep eval agreement --data eval/outside/q --second eval/agreement/q
	$(BIN)/sitrep eval agreement --data eval/outside/r --second eval/agreement/r
	$(BIN)/sitrep eval agreement --data eval/outside/aa --second eval/agreement/aa
	$(BIN)/sitrep eval agreement --data eval/outside/ab --second eval/agreement/ab
	$(BIN)/sitrep eval agreement --data eval/outside/ac --second eval/agreement/ac
	$(BIN)/sitrep eval agreement --data eval/outside/ad --second eval/agreement/ad
	@if [ -d $(SHARED_EVAL)/quotes/PolNeAR ]; then \
	  $(BIN)/sitrep eval quotes --data $(SHARED_EVAL)/quotes/PolNeAR --split test; \
	else echo "skipping eval quotes: $(SHARED_EVAL)/quotes/PolNeAR not found"; fi
	@if [ -d $(SHARED_EVAL)/time ]; then \
	  $(BIN)/sitrep eval time --data $(SHARED_EVAL)/time; \
	else echo "skipping eval time: $(SHARED_EVAL)/time not found"; fi
	@for f in TR-News.xml lgl.xml GWN.xml GeoVirus.xml; do \
	  if [ -f $(GEO)/$$f ]; then \
	    $(BIN)/sitrep eval geoparsing --data $(GEO)/$$f --gold-spans || exit 1; \
	    $(BIN)/sitrep eval geoparsing --data $(GEO)/$$f || exit 1; \
	  else echo "skipping eval geoparsing $$f: not found in $(GEO)"; fi; \
	done
	@if [ -d $(SHARED_EVAL) ]; then \
	  $(BIN)/sitrep eval corpus --data $(SHARED_EVAL) --twins; \
	else echo "skipping eval corpus: $(SHARED_EVAL) not found"; fi

FUZZ_SECONDS ?= 600
FUZZ_CORPUS  ?= .fuzz-corpus

# 30 minutes of coverage-guided fuzzing (FUZZ_SECONDS per target); any crash fails it.
# -len_control=0: full-length inputs from the start (the annotate target runs ~15 inputs/s,
# too few for libFuzzer's slow default growth to get past 8 bytes in ten minutes).
fuzz: $(STAMP)
	@mkdir -p $(FUZZ_CORPUS)/clean $(FUZZ_CORPUS)/readers $(FUZZ_CORPUS)/annotate
	for t in clean readers annotate; do \
	  PYTHONPATH=fuzz $(BIN)/python fuzz/fuzz_$$t.py -max_total_time=$(FUZZ_SECONDS) \
	    -rss_limit_mb=4096 -timeout=60 -len_control=0 -artifact_prefix=$(FUZZ_CORPUS)/$$t- \
	    $(FUZZ_CORPUS)/$$t || exit 1; \
	done

clean:
	rm -rf $(VENV) $(DB) $(DB).wal build src/*.egg-info
