# Kiso's tasks. `make start` and `make test` are the two commands a fresh machine needs.
.PHONY: start test deps build bench budgets fixtures format fuzz

# Install what is missing, build a release binary, and start Kiso.
start: build
	.build/release/kiso

# Run every test (unit, differential fixtures, end-to-end).
# The bounded fuzzing campaign at the end stops starting programs after FUZZ_SECONDS.
FUZZ_SECONDS ?= 120
test: deps
	swift build --build-tests
	swift test --skip-build
	.build/debug/kiso-fuzz --programs 20000 --seed 15 --time-budget $(FUZZ_SECONDS)

# A fuzzing campaign of N programs from seed SEED on release builds (docs/reliability.md);
# crashes and hangs are minimised into Tests/KisoCLITests/Fixtures/fuzz, where a test replays them.
N ?= 10000
SEED ?= 1
fuzz: deps
	swift build -c release --product kiso
	swift build -c release --product kiso-fuzz
	nice .build/release/kiso-fuzz --programs $(N) --seed $(SEED) --save Tests/KisoCLITests/Fixtures/fuzz

deps:
	@scripts/install-deps.sh

build: deps
	swift build -c release --product kiso

# Side-by-side benchmarks against NumPy (needs python3 with numpy); writes docs/performance.md.
bench: deps
	swift build -c release
	python3 scripts/bench.py

# The allocation budgets of docs/performance.md, asserted on the optimised build (an unoptimised
# build allocates where the optimiser would not, so `make test` only prints the attention count).
budgets: deps
	swift test -c release -Xswiftc -enable-testing --filter AllocationBudget

# Regenerate the reference fixtures from NumPy (needs python3 with numpy and scipy).
fixtures:
	cd scripts && for f in gen_*_fixtures.py; do python3 $$f; done

format:
	swift format -i -r Sources Tests benchmarks Package.swift
