#!/usr/bin/env bash
# Build dist/hrdesk-VERSION-ARCH.dmg from an already built dist/hrdesk.app (run on macOS after PyInstaller;
# this script never rebuilds the app, so the dmg holds exactly the build the tests ran on).
# Signing and notarisation need an Apple Developer ID: set CODESIGN_IDENTITY (the certificate must be in
# a keychain on the search list: the workflow imports it into a temporary one, see build.yml) and, for
# `xcrun notarytool`, NOTARY_PROFILE (stored with `notarytool store-credentials`; NOTARY_KEYCHAIN names
# the keychain it is stored in). Without them the dmg is unsigned and Gatekeeper asks the user to confirm.
set -euo pipefail
cd "$(dirname "$0")/../.."
VERSION=$(uv run --frozen python -c "from hrdesk.version import __version__; print(__version__)")
ARCH=$(uname -m)
APP=dist/hrdesk.app
DMG=dist/hrdesk-${VERSION}-${ARCH}.dmg
test -d "$APP" || { echo "build $APP first: uv run pyinstaller packaging/hrdesk.spec" >&2; exit 1; }
"$APP/Contents/MacOS/hrdesk" --self-test
if [ -n "${CODESIGN_IDENTITY:-}" ]; then
  codesign --deep --force --options runtime --timestamp --sign "$CODESIGN_IDENTITY" "$APP"
  codesign --verify --deep --strict --verbose=2 "$APP"
fi
STAGING=$(mktemp -d)
cp -R "$APP" "$STAGING/"
ln -s /Applications "$STAGING/Applications"
rm -f "$DMG"
hdiutil create -volname "hrdesk ${VERSION}" -srcfolder "$STAGING" -ov -format UDZO "$DMG"
rm -rf "$STAGING"
if [ -n "${CODESIGN_IDENTITY:-}" ]; then
  codesign --sign "$CODESIGN_IDENTITY" --timestamp "$DMG"
  if [ -n "${NOTARY_PROFILE:-}" ]; then
    keychain_args=()
    if [ -n "${NOTARY_KEYCHAIN:-}" ]; then keychain_args=(--keychain "$NOTARY_KEYCHAIN"); fi
    # (the ${a[@]+"${a[@]}"} form: macOS bash 3.2 calls an empty array unbound under set -u)
    xcrun notarytool submit "$DMG" --keychain-profile "$NOTARY_PROFILE" ${keychain_args[@]+"${keychain_args[@]}"} --wait
    xcrun stapler staple "$DMG"
  fi
fi
echo "$DMG"
