#!/usr/bin/env bash
# Add Corroborate to the desktop's application menu for the current user.
#
#   packaging/install-desktop-entry.sh [COMMAND]
#
# COMMAND is the program the menu entry starts: by default the `corroborate` on PATH, else the
# checkout's .venv/bin/corroborate (or pass dist/corroborate/corroborate for a PyInstaller build).
# Installs into ${XDG_DATA_HOME:-~/.local/share}: applications/corroborate.desktop and the icon in
# icons/hicolor. Running it again replaces the same files. It never changes which program opens a
# file type by default (no mimeapps.list): Corroborate only appears under "Open With".
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(dirname "$here")"
data_home="${XDG_DATA_HOME:-$HOME/.local/share}"
apps_dir="$data_home/applications"
hicolor="$data_home/icons/hicolor"
png_sizes=(16 24 32 48 64 128 256 512)

command_path="${1:-}"
if [ -z "$command_path" ]; then
  command_path="$(command -v corroborate || true)"
  [ -n "$command_path" ] || command_path="$root/.venv/bin/corroborate"
fi
if [ ! -x "$command_path" ]; then
  echo "error: $command_path is not an executable; install Corroborate first (make run or" \
       "pip install .) or pass the program to start" >&2
  exit 1
fi
command_path="$(cd "$(dirname "$command_path")" && pwd)/$(basename "$command_path")"

# Desktop entry strings escape backslashes; Exec also needs quotes around paths with spaces or
# other reserved characters, and escapes " ` $ \ inside them.
escaped_path="${command_path//\\/\\\\}"
if [[ "$command_path" =~ ^[A-Za-z0-9/._+-]+$ ]]; then
  exec_program="$command_path"
else
  quoted="$command_path"
  quoted="${quoted//\\/\\\\}"
  quoted="${quoted//\"/\\\"}"
  quoted="${quoted//\`/\\\`}"
  quoted="${quoted//\$/\\\$}"
  quoted="${quoted//%/%%}"
  exec_program="\"${quoted//\\/\\\\}\""
fi

entry="$(mktemp)"
trap 'rm -f "$entry"' EXIT
while IFS= read -r line; do
  case "$line" in
    Exec=*) printf 'Exec=%s %%F\n' "$exec_program" ;;
    TryExec=*) printf 'TryExec=%s\n' "$escaped_path" ;;
    *) printf '%s\n' "$line" ;;
  esac
done <"$here/corroborate.desktop" >"$entry"

install -D -m 644 "$entry" "$apps_dir/corroborate.desktop"
install -D -m 644 "$root/resources/icons/corroborate.svg" "$hicolor/scalable/apps/corroborate.svg"
for size in "${png_sizes[@]}"; do
  install -D -m 644 "$root/resources/app-icon/corroborate-$size.png" \
    "$hicolor/${size}x${size}/apps/corroborate.png"
done

# Refresh the menus' indexes where the tools exist. An icon cache is only refreshed, never
# created: a stale user-level cache would hide icons that other programs install later.
if command -v update-desktop-database >/dev/null 2>&1; then
  update-desktop-database -q "$apps_dir" || true
fi
if [ -f "$hicolor/icon-theme.cache" ] && command -v gtk-update-icon-cache >/dev/null 2>&1; then
  gtk-update-icon-cache -q -t -f "$hicolor" || true
fi
echo "Installed $apps_dir/corroborate.desktop (starts $command_path)"
