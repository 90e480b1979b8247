#!/usr/bin/env bash
# Build dist/hrdesk-VERSION.dmg from dist/hrdesk.app (run on macOS after PyInstaller).
# Signing and notarisation need an Apple Developer ID: set CODESIGN_IDENTITY (and NOTARY_PROFILE for
# `xcrun notarytool`), otherwise the dmg is unsigned and Gatekeeper will ask the user to confirm.
set -euo pipefail
cd "$(dirname "$0")/../.."
VERSION=$(uv run python -c "from hrdesk.version import __version__; print(__version__)")
APP=dist/hrdesk.app
DMG=dist/hrdesk-${VERSION}.dmg
test -d "$APP" || { echo "build $APP first: uv run pyinstaller packaging/hrdesk.spec" >&2; exit 1; }
"$APP/Contents/MacOS/hrdesk" --self-test
if [ -n "${CODESIGN_IDENTITY:-}" ]; then
  codesign --deep --force --options runtime --timestamp --sign "$CODESIGN_IDENTITY" "$APP"
fi
STAGING=$(mktemp -d)
cp -R "$APP" "$STAGING/"
ln -s /Applications "$STAGING/Applications"
rm -f "$DMG"
hdiutil create -volname "hrdesk ${VERSION}" -srcfolder "$STAGING" -ov -format UDZO "$DMG"
rm -rf "$STAGING"
if [ -n "${CODESIGN_IDENTITY:-}" ] && [ -n "${NOTARY_PROFILE:-}" ]; then
  codesign --sign "$CODESIGN_IDENTITY" --timestamp "$DMG"
  xcrun notarytool submit "$DMG" --keychain-profile "$NOTARY_PROFILE" --wait
  xcrun stapler staple "$DMG"
fi
echo "$DMG"
