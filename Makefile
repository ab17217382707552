# One task runner for laptops and CI. Every target bootstraps .venv itself.
# `make course` (and lab, student, refresh) installs the runtime only; `make test`
# adds the test extra (pytest-xdist, nbgrader, playwright, ruff, mypy, hypothesis).
# A second run with nothing changed reinstalls nothing: each stamp file is newer
# than pyproject.toml.

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.artethics-installed
TESTSTAMP := $(VENV)/.artethics-test-installed
JOBS   ?= 2
ARGS   ?=
export PYTHONHASHSEED := 0

.PHONY: course test lab present student refresh goldens lint typecheck browser-deps clean help

help:
	@echo "make course   set up .venv, execute every notebook with papermill, write build/"
	@echo "make test     set up .venv with the test extra and run the whole suite (what CI runs)"
	@echo "make lab      open the course in JupyterLab (LANG=zh-Hant or LANG=zh-Hans: in Chinese)"
	@echo "make present  live class view for a projector (CLASS=/srv/class, LANG=zh-Hant, ARGS=--names)"
	@echo "make student  regenerate the student notebooks from the solution notebooks"
	@echo "make refresh  re-execute the solution notebooks and store their outputs (authors)"

$(STAMP): pyproject.toml
	@$(PYTHON) -c 'import sys; assert sys.version_info >= (3, 11), "Python 3.11 or newer is needed, found " + sys.version.split()[0]'
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet --no-compile -e .
	touch $(STAMP)

$(TESTSTAMP): $(STAMP)
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(TESTSTAMP)

# Answers the notebooks record go to build/responses.sqlite (fresh each run, no class
# folder), never to ~/.artethics: `artethics run` sets this for every kernel.
course: $(STAMP)
	$(BIN)/artethics run --jobs $(JOBS) $(ARGS)

student: $(STAMP)
	$(BIN)/artethics student

refresh: $(STAMP)
	$(BIN)/artethics refresh

goldens: $(TESTSTAMP)
	$(BIN)/python -c "from artethics.tools import nbform, student; \
	src = 'tests/fixtures/student/lesson_source.ipynb'; \
	nbform.write(student.make_student(nbform.read(src), 'lesson_source.ipynb'), \
	'tests/fixtures/student/lesson_student.ipynb')"

# JupyterLab refuses to start as root without --allow-root (containers run as root).
ROOTFLAG = $(shell [ "$$(id -u)" = 0 ] && echo --allow-root)

# `make lab LANG=zh-Hant` (or zh-Hans; a zh_TW / zh_HK / zh_CN locale in LANG works too)
# opens the course's lessons in that language, with JupyterLab's own menus in Chinese
# (course/lab/<lang>/settings). The lab itself runs with LANG=C.UTF-8: a course language
# is not a system locale.
COURSE_LANG := $(or $(if $(filter zh-Hant zh-hant zh_TW% zh_HK% zh-TW zh-HK,$(LANG)),zh-Hant),$(if $(filter zh-Hans zh-hans zh_CN% zh_SG% zh-CN,$(LANG)),zh-Hans),en)
LAB_SETTINGS := course/lab$(if $(filter en,$(COURSE_LANG)),,/$(COURSE_LANG))/settings
LAB_START := notebooks/$(if $(filter en,$(COURSE_LANG)),,$(COURSE_LANG)/)00_orientation.ipynb

# The student's lab: no instructor extensions (nbgrader), no news pop-up, widget state
# saved with the notebook (course/lab/README.md). The instructor's own `jupyter lab` keeps them.
STUDENT_LAB := --config=$(CURDIR)/course/lab/jupyter_server_config.json \
               --LabApp.app_settings_dir=$(CURDIR)/$(LAB_SETTINGS)

# A Chinese lab keeps its user settings in build/lab/<lang>/user-settings, started from
# course/lab/<lang>/user-settings (the interface language: JupyterLab's server translates
# its menus by the user setting only, not by overrides.json); a setting already there,
# such as the student's own later choice of language, is never overwritten.
LAB_USER_SETTINGS := $(if $(filter en,$(COURSE_LANG)),,build/lab/$(COURSE_LANG)/user-settings)
LOCALE_SETTING := @jupyterlab/translation-extension/plugin.jupyterlab-settings
LAB_LOCALE_SETTING := $(LAB_USER_SETTINGS)/$(LOCALE_SETTING)
ifneq ($(LAB_USER_SETTINGS),)
STUDENT_LAB += --LabApp.user_settings_dir=$(CURDIR)/$(LAB_USER_SETTINGS)
endif

lab: $(STAMP)
	$(if $(LAB_USER_SETTINGS),mkdir -p $(dir $(LAB_LOCALE_SETTING)) && { [ -f $(LAB_LOCALE_SETTING) ] || cp course/lab/$(COURSE_LANG)/user-settings/$(LOCALE_SETTING) $(LAB_LOCALE_SETTING); })
	LANG=C.UTF-8 $(BIN)/jupyter lab $(ROOTFLAG) $(STUDENT_LAB) $(LAB_START)

# `make present CLASS=/srv/class` (default: $ARTETHICS_CLASS_DIR) serves the live class
# view with Voilà on 127.0.0.1 and prints its address with a secret token; LANG as for
# `make lab`; ARGS passes more options (--names, --port N, --refresh SECONDS).
PRESENTSTAMP := $(VENV)/.artethics-present-installed

$(PRESENTSTAMP): $(STAMP)
	$(BIN)/python -m pip install --quiet -e '.[present]'
	touch $(PRESENTSTAMP)

present: $(PRESENTSTAMP)
	$(BIN)/artethics present $(if $(CLASS),--class-folder $(CLASS)) --lang $(COURSE_LANG) $(ARGS)

lint: $(TESTSTAMP)
	$(BIN)/ruff check src tests benchmarks course notebooks

typecheck: $(TESTSTAMP)
	$(BIN)/mypy

AXE := tests/browser/node_modules/axe-core/axe.min.js

$(AXE): tests/browser/package.json tests/browser/package-lock.json
	@bash .ci/ensure-node
	npm ci --prefix tests/browser --no-audit --no-fund --loglevel=error
	touch $(AXE)

# configurable-http-proxy (npm) for the JupyterHub test (tests/hub/test_hub.py)
CHP := tests/hub/node_modules/.bin/configurable-http-proxy

$(CHP): tests/hub/package.json tests/hub/package-lock.json
	@bash .ci/ensure-node
	npm ci --prefix tests/hub --no-audit --no-fund --loglevel=error
	touch $(CHP)

browser-deps: $(AXE) $(CHP)
	@bash .ci/ensure-chromium

test: $(TESTSTAMP) lint typecheck browser-deps
	@bash .ci/ensure-bwrap
	$(BIN)/python -m pytest -n $(JOBS) --dist loadfile \
	    --nbval --nbval-current-env --nbval-sanitize-with tests/sanitize.cfg \
	    tests course/solutions

clean:
	rm -rf build .pytest_cache
