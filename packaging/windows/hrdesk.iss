; Inno Setup 6 script: installs the one-folder build from dist\hrdesk for the current user (no admin rights
; needed; the data stays in %LOCALAPPDATA%\hrdesk and survives uninstalling).
;   powershell packaging\windows\build-installer.ps1 -Version 0.1.0   (finds or installs ISCC.exe)
;   iscc /DAppVersion=0.1.0 packaging\windows\hrdesk.iss            (with ISCC.exe on PATH)
; Inno Setup 6 ships no Simplified Chinese messages (they are an unofficial translation before
; version 7), so ChineseSimplified.isl (from jrsoftware/issrc is-6_7_3, Files/Languages/Unofficial,
; complete for 6.5+) sits beside this script. The installed folder carries hrdesk.exe (windowed) and
; hrdesk-cli.exe (console: `hrdesk-cli check …` prints in cmd and PowerShell), every licence in
; resources\licenses and the source in source\hrdesk-source.zip.
#ifndef AppVersion
  #define AppVersion "0.0.0"
#endif

[Setup]
AppId={{6C7C1D0E-2F1B-4B8E-9A37-5E0F0C8D2A11}
AppName=hrdesk
AppVersion={#AppVersion}
AppPublisher=hrdesk
AppCopyright=GNU Affero General Public License 3.0 or later
DefaultDirName={localappdata}\Programs\hrdesk
DefaultGroupName=hrdesk
PrivilegesRequired=lowest
OutputDir=..\..\dist
OutputBaseFilename=hrdesk-{#AppVersion}-setup
SetupIconFile=..\..\resources\icons\hrdesk.ico
UninstallDisplayIcon={app}\hrdesk.exe
Compression=lzma2
SolidCompression=yes
WizardStyle=modern
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible

[Languages]
Name: "chinesesimplified"; MessagesFile: "ChineseSimplified.isl"
Name: "english"; MessagesFile: "compiler:Default.isl"

[CustomMessages]
chinesesimplified.SelfTest=正在检查安装……
english.SelfTest=Checking the installation...

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"

[Files]
Source: "..\..\dist\hrdesk\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{group}\hrdesk"; Filename: "{app}\hrdesk.exe"
Name: "{autodesktop}\hrdesk"; Filename: "{app}\hrdesk.exe"; Tasks: desktopicon

[Run]
Filename: "{app}\hrdesk-cli.exe"; Parameters: "--self-test"; Flags: runhidden waituntilterminated; StatusMsg: "{cm:SelfTest}"
Filename: "{app}\hrdesk.exe"; Description: "{cm:LaunchProgram,hrdesk}"; Flags: nowait postinstall skipifsilent

[UninstallRun]
; Start-at-login is a per-user Run value: remove it with the program.
Filename: "reg.exe"; Parameters: "delete HKCU\Software\Microsoft\Windows\CurrentVersion\Run /v hrdesk /f"; Flags: runhidden; RunOnceId: "RemoveRunKey"
