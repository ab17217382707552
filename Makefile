# One task runner for laptops and CI. Every target bootstraps .venv itself.
# A second run with nothing changed reinstalls nothing: the stamp file is newer
# than pyproject.toml.

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.artethics-installed
JOBS   ?= 2
ARGS   ?=
export PYTHONHASHSEED := 0

.PHONY: course test lab student refresh goldens lint browser-deps clean help

help:
	@echo "make course   set up .venv, execute every notebook with papermill, write build/"
	@echo "make test     set up .venv and run the whole test suite (what CI runs)"
	@echo "make lab      open the course in JupyterLab"
	@echo "make student  regenerate the student notebooks from the solution notebooks"
	@echo "make refresh  re-execute the solution notebooks and store their outputs (authors)"

$(STAMP): pyproject.toml
	@$(PYTHON) -c 'import sys; assert sys.version_info >= (3, 11), "Python 3.11 or newer is needed, found " + sys.version.split()[0]'
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

course: $(STAMP)
	$(BIN)/artethics run --jobs $(JOBS) $(ARGS)

student: $(STAMP)
	$(BIN)/artethics student

refresh: $(STAMP)
	$(BIN)/artethics refresh

goldens: $(STAMP)
	$(BIN)/python -c "from artethics import nbform, student; \
	src = 'tests/fixtures/student/lesson_source.ipynb'; \
	nbform.write(student.make_student(nbform.read(src), 'lesson_source.ipynb'), \
	'tests/fixtures/student/lesson_student.ipynb')"

lab: $(STAMP)
	$(BIN)/jupyter lab notebooks/00_orientation.ipynb

lint: $(STAMP)
	$(BIN)/ruff check src tests benchmarks course notebooks

AXE := tests/browser/node_modules/axe-core/axe.min.js

$(AXE): tests/browser/package.json tests/browser/package-lock.json
	@bash .ci/ensure-node
	npm ci --prefix tests/browser --no-audit --no-fund --loglevel=error
	touch $(AXE)

browser-deps: $(AXE)
	@bash .ci/ensure-chromium

test: $(STAMP) lint browser-deps
	$(BIN)/python -m pytest -n $(JOBS) --dist loadfile \
	    --nbval --nbval-current-env --nbval-sanitize-with tests/sanitize.cfg \
	    tests course/solutions

clean:
	rm -rf build .pytest_cache
