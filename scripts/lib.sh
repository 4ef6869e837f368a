# Shared by the scripts in this folder; sourced, not run.

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)"

# phpize refuses a build path with whitespace (and run-tests.php quotes
# paths loosely), so such a tree is built and tested through a symlink
# without spaces: /tmp/localapi-tree-<uid>-<hash of the path>.
# Prints the path to work in.
work_tree() {
	case "$REPO" in
	*[[:space:]]*) ;;
	*)
		printf '%s\n' "$REPO"
		return
		;;
	esac
	local link
	link="/tmp/localapi-tree-$(id -u)-$(printf '%s' "$REPO" | sha256sum | cut -c1-16)"
	if [ -e "$link" ] && [ ! -L "$link" ]; then
		echo "cannot use $link: it exists and is not a symlink" >&2
		return 1
	fi
	ln -sfn "$REPO" "$link"
	printf '%s\n' "$link"
}

# True when an argument names an existing test file or folder; run-tests.php
# runs everything under tests/ otherwise (see test.sh, asan-test.sh).
names_tests() {
	local arg
	for arg in "$@"; do
		if [ -e "$arg" ]; then
			return 0
		fi
	done
	return 1
}
