# Shortcuts; the scripts are the source of truth.
.PHONY: demo test bench format
demo:
	scripts/demo
test:
	scripts/test
bench:
	bench/run
format:
	clang-format -i $$(git ls-files '*.cpp' '*.hpp')
