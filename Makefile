# The two commands of the README: `make site` and `make test`. Both install what they need.
SWIFT ?= swift
SEEDS ?= seeds
OUTPUT ?= Output
# The release binary links the Swift runtime and Foundation statically: no dynamic symbol
# lookups at start (~4 ms of CPU instead of ~15 ms per run), and one file to copy anywhere.
RELEASE = -c release --static-swift-stdlib --product silkpress

.PHONY: site test bench check briefs deps test-deps clean

# System libraries: libcmark (Markdown) and zlib (ZIPFoundation, for `silkpress archive`).
deps:
	@bash Tests/Scripts/install-deps.sh libcmark-dev zlib1g-dev pkg-config

# Browser tests (headless Chromium from file://), the two fonts briefs print in, and the tools that
# check SVG and PDF output.
test-deps: deps
	@bash Tests/Scripts/install-deps.sh chromium fonts-noto-cjk fonts-droid-fallback fonts-dejavu-core poppler-utils libxml2-utils unzip

site: deps
	$(SWIFT) build $(RELEASE)
	.build/release/silkpress build --seeds $(SEEDS) --output $(OUTPUT)

check: deps
	$(SWIFT) build $(RELEASE)
	.build/release/silkpress check --seeds $(SEEDS)

test: test-deps
	$(SWIFT) build --build-tests
	$(SWIFT) test

# Country briefs as PDF (after `make site`): Output/briefs/<iso2>.pdf.
briefs: test-deps
	.build/release/silkpress briefs --site $(OUTPUT)

bench: deps
	@bash Tests/Scripts/bench.sh

clean:
	rm -rf .build
