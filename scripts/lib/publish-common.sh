# Shared by scripts/publish-wit.sh and scripts/publish-server.sh (sourced, not run).

# NativeAOT links with the platform's C toolchain: clang, or gcc when clang is missing, and objcopy (binutils) to split
# the debug symbols off. A fresh Debian machine with only the .NET SDK and Node has neither, so install what is
# missing (the prerequisites of https://aka.ms/nativeaot-prerequisites: clang and zlib1g-dev).
ensure_native_toolchain() {
  if { command -v clang >/dev/null || command -v gcc >/dev/null; } && command -v objcopy >/dev/null; then
    return
  fi
  echo "== install the native toolchain (clang, zlib1g-dev)"
  local sudo=()
  [ "$(id -u)" -eq 0 ] || sudo=(sudo)
  if ! command -v apt-get >/dev/null; then
    echo "publish: NativeAOT needs clang (or gcc) and objcopy on PATH; install them with your package manager" >&2
    exit 1
  fi
  "${sudo[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq clang zlib1g-dev binutils >/dev/null
}

# dotnet_checked LOGDIR NAME VERB PROJECT ARGS...: `dotnet VERB PROJECT -c Release ARGS` (publish or pack), its log kept
# in LOGDIR/NAME.log. Fails when the command fails or prints any warning: TreatWarningsAsErrors (Directory.Build.props)
# turns compiler, trimmer and AOT compiler warnings into errors already; the grep also catches SDK warnings it does not.
dotnet_checked() {
  local logs="$1" name="$2" verb="$3" project="$4"; shift 4
  echo "== $verb $name"
  if ! dotnet "$verb" "$project" -c Release --nologo "$@" >"$logs/$name.log" 2>&1; then
    cat "$logs/$name.log" >&2
    echo "$(basename "$0"): the $name $verb failed" >&2
    exit 1
  fi
  if grep -E -i ': warning [A-Z]+[0-9]+' "$logs/$name.log" >&2; then
    echo "$(basename "$0"): the $name $verb has warnings" >&2
    exit 1
  fi
}

# absolute_dir DIR: creates DIR and prints its absolute path.
absolute_dir() { mkdir -p "$1" && (cd "$1" && pwd); }

# print_size PATH BYTES: one line of the size table the publish scripts end with.
print_size() { printf "%-72s %8s\n" "${1#"$PWD"/}" "$(numfmt --to=iec --suffix=B "$2")"; }

# frame BODY: one message framed with its Content-Length, for LSP and DAP sessions (BODY is ASCII, so characters = bytes).
frame() { printf 'Content-Length: %d\r\n\r\n%s' "${#1}" "$1"; }

# check_version EXE: fails unless `EXE --version` prints a version (x.y.z); prints it and sets $version.
check_version() {
  version="$(timeout 30 "$1" --version)"
  if [[ ! "$version" =~ ^[0-9]+\.[0-9]+\.[0-9]+$ ]]; then
    echo "$(basename "$0"): '$1 --version' printed '$version', not a version" >&2
    exit 1
  fi
  echo "version $version"
}

# check_session LOGDIR STATUS PATTERN...: fails, showing the session's stdout and stderr (LOGDIR/stdout, LOGDIR/stderr),
# unless the scripted protocol session exited with STATUS 0 and its stdout matches every grep PATTERN.
check_session() {
  local logs="$1" status="$2"; shift 2
  local ok=1 pattern
  [ "$status" -eq 0 ] || ok=0
  for pattern in "$@"; do
    grep -q "$pattern" "$logs/stdout" || ok=0
  done
  if [ "$ok" -eq 0 ]; then
    echo "$(basename "$0"): the scripted session failed (exit code $status)" >&2
    echo "-- stdout:" >&2; cat "$logs/stdout" >&2; echo >&2
    echo "-- stderr:" >&2; cat "$logs/stderr" >&2
    exit 1
  fi
}
