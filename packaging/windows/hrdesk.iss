; Inno Setup script: installs the one-folder build from dist\hrdesk for the current user (no admin rights
; needed; the data stays in %LOCALAPPDATA%\hrdesk and survives uninstalling).
;   iscc /DAppVersion=0.1.0 packaging\windows\hrdesk.iss
#ifndef AppVersion
  #define AppVersion "0.0.0"
#endif

[Setup]
AppId={{6C7C1D0E-2F1B-4B8E-9A37-5E0F0C8D2A11}
AppName=hrdesk
AppVersion={#AppVersion}
AppPublisher=hrdesk
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
ArchitecturesInstallIn64BitMode=x64compatible

[Languages]
Name: "chinesesimplified"; MessagesFile: "compiler:Languages\ChineseSimplified.isl"
Name: "english"; MessagesFile: "compiler:Default.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"

[Files]
Source: "..\..\dist\hrdesk\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{group}\hrdesk"; Filename: "{app}\hrdesk.exe"
Name: "{autodesktop}\hrdesk"; Filename: "{app}\hrdesk.exe"; Tasks: desktopicon

[Run]
Filename: "{app}\hrdesk.exe"; Parameters: "--self-test"; Flags: runhidden waituntilterminated; StatusMsg: "Checking the installation..."
Filename: "{app}\hrdesk.exe"; Description: "{cm:LaunchProgram,hrdesk}"; Flags: nowait postinstall skipifsilent

[UninstallRun]
; Start-at-login is a per-user Run value: remove it with the program.
Filename: "reg.exe"; Parameters: "delete HKCU\Software\Microsoft\Windows\CurrentVersion\Run /v hrdesk /f"; Flags: runhidden; RunOnceId: "RemoveRunKey"
