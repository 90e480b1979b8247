# Build dist\hrdesk-VERSION-setup.exe from dist\hrdesk with Inno Setup, wherever ISCC.exe is.
#   powershell -File packaging\windows\build-installer.ps1 -Version 0.1.0
# ISCC.exe is looked up on PATH, then through Inno Setup's uninstall registry entries (machine-wide and
# per-user installs, 32- and 64-bit views), then in the usual folders; if none is found, Inno Setup is
# installed with Chocolatey and the lookup runs again. No path is hard-coded to one machine.
param([Parameter(Mandatory = $true)][string]$Version)
$ErrorActionPreference = 'Stop'

function Find-Iscc {
    $onPath = Get-Command ISCC.exe -ErrorAction SilentlyContinue
    if ($onPath) { return $onPath.Source }
    $keys = @(
        'HKLM:\SOFTWARE\WOW6432Node\Microsoft\Windows\CurrentVersion\Uninstall\Inno Setup 6_is1',
        'HKLM:\SOFTWARE\Microsoft\Windows\CurrentVersion\Uninstall\Inno Setup 6_is1',
        'HKCU:\Software\Microsoft\Windows\CurrentVersion\Uninstall\Inno Setup 6_is1',
        'HKLM:\SOFTWARE\WOW6432Node\Microsoft\Windows\CurrentVersion\Uninstall\Inno Setup 7_is1',
        'HKLM:\SOFTWARE\Microsoft\Windows\CurrentVersion\Uninstall\Inno Setup 7_is1',
        'HKCU:\Software\Microsoft\Windows\CurrentVersion\Uninstall\Inno Setup 7_is1'
    )
    foreach ($key in $keys) {
        $location = (Get-ItemProperty -Path $key -Name InstallLocation -ErrorAction SilentlyContinue).InstallLocation
        if ($location -and (Test-Path (Join-Path $location 'ISCC.exe'))) { return (Join-Path $location 'ISCC.exe') }
    }
    $folders = @(${env:ProgramFiles(x86)}, $env:ProgramFiles, (Join-Path $env:LOCALAPPDATA 'Programs'))
    foreach ($folder in $folders) {
        foreach ($name in @('Inno Setup 6', 'Inno Setup 7')) {
            if ($folder -and (Test-Path (Join-Path $folder "$name\ISCC.exe"))) { return (Join-Path $folder "$name\ISCC.exe") }
        }
    }
    return $null
}

$iscc = Find-Iscc
if (-not $iscc) {
    Write-Host 'Inno Setup not found: installing it with Chocolatey'
    choco install innosetup --no-progress -y | Out-Host
    $iscc = Find-Iscc
}
if (-not $iscc) { throw 'ISCC.exe not found, even after installing Inno Setup' }
Write-Host "Inno Setup compiler: $iscc"
& $iscc "/DAppVersion=$Version" (Join-Path $PSScriptRoot 'hrdesk.iss')
if ($LASTEXITCODE -ne 0) { throw "ISCC failed with exit code $LASTEXITCODE" }
$setup = Join-Path $PSScriptRoot "..\..\dist\hrdesk-$Version-setup.exe"
if (-not (Test-Path $setup)) { throw "ISCC reported success but $setup is missing" }
Write-Host (Resolve-Path $setup)
