#!/usr/bin/env bash
# Remove what install-desktop-entry.sh added to ${XDG_DATA_HOME:-~/.local/share}, and the folders
# it created when they are left empty. Safe to run when nothing is installed.
set -euo pipefail

data_home="${XDG_DATA_HOME:-$HOME/.local/share}"
apps_dir="$data_home/applications"
hicolor="$data_home/icons/hicolor"
png_sizes=(16 24 32 48 64 128 256 512)

rm -f "$apps_dir/corroborate.desktop" "$hicolor/scalable/apps/corroborate.svg"
icon_dirs=("$hicolor/scalable/apps" "$hicolor/scalable")
for size in "${png_sizes[@]}"; do
  rm -f "$hicolor/${size}x${size}/apps/corroborate.png"
  icon_dirs+=("$hicolor/${size}x${size}/apps" "$hicolor/${size}x${size}")
done

if [ -d "$apps_dir" ] && command -v update-desktop-database >/dev/null 2>&1; then
  update-desktop-database -q "$apps_dir" || true
fi
if [ -f "$hicolor/icon-theme.cache" ] && command -v gtk-update-icon-cache >/dev/null 2>&1; then
  gtk-update-icon-cache -q -t -f "$hicolor" || true
fi
# mimeinfo.cache is only an index of the entries present: with ours gone and none left, it
# is ours alone to remove.
if [ -f "$apps_dir/mimeinfo.cache" ] && [ -z "$(find "$apps_dir" -name '*.desktop' -print -quit)" ]; then
  rm -f "$apps_dir/mimeinfo.cache"
fi
for dir in "${icon_dirs[@]}" "$hicolor" "$data_home/icons" "$apps_dir"; do
  [ -d "$dir" ] && rmdir --ignore-fail-on-non-empty "$dir"
done
echo "Removed Corroborate's desktop entry and icons from $data_home"
