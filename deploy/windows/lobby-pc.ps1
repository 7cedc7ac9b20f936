<#
.SYNOPSIS
Sets up a Windows 10/11 PC as a jpkicheck lobby kiosk: the kiosk starts at
sign-in with Microsoft Edge full-screen, heals itself, and the PC neither
sleeps, blanks its screen nor restarts for updates during opening hours.

.DESCRIPTION
Run once, as administrator, from the folder holding jpkicheck.exe and
office.conf (the release zip, unpacked to e.g. C:\jpkicheck):

    powershell -ExecutionPolicy Bypass -File lobby-pc.ps1 -User lobby

What it does (docs/lobby-pc.md explains each step):
  - writes lobby-run.cmd next to jpkicheck.exe and registers the scheduled
    task "jpkicheck kiosk" that runs it at the user's sign-in: it runs
    "jpkicheck.exe kiosk --office office.conf --browser", which starts Edge
    in kiosk mode once the page is served and again whenever Edge is
    closed, and starts jpkicheck again 5 s after it stops;
  - writes the kiosk's log to %ProgramData%\jpkicheck\kiosk.log (dated lines,
    no resident's data);
  - turns off sleep, hibernation and the display timeout (mains and battery);
  - turns off the screen saver and the lock screen timeout for -User;
  - keeps Windows Update from restarting the PC between 06:00 and 23:00
    (active hours) or while someone is signed in;
  - sets Edge policies for a kiosk: no first-run experience, no translate
    bar, no password or address-bar suggestions.

With -AssignedAccess the task runs at start-up as SYSTEM without a browser,
for a PC whose kiosk account shows http://127.0.0.1:8080/ in Edge through
Windows' Assigned Access (Settings > Accounts > Other users > Kiosk).

-Remove undoes the task (power, update and Edge settings stay; see
docs/lobby-pc.md to reset them).

.PARAMETER User
The account the lobby PC signs in to automatically. Default: the current user.

.PARAMETER Dir
The folder holding jpkicheck.exe and office.conf. Default: this script's folder.

.PARAMETER ExtraArgs
More kiosk flags, e.g. "--reader PaSoRi --linger 30s".
#>
[CmdletBinding()]
param(
    [string]$User = "$env:USERDOMAIN\$env:USERNAME",
    [string]$Dir = $PSScriptRoot,
    [string]$ExtraArgs = "",
    [switch]$AssignedAccess,
    [switch]$Remove
)

$ErrorActionPreference = 'Stop'
$TaskName = 'jpkicheck kiosk'

$principal = New-Object Security.Principal.WindowsPrincipal([Security.Principal.WindowsIdentity]::GetCurrent())
if (-not $principal.IsInRole([Security.Principal.WindowsBuiltInRole]::Administrator)) {
    throw 'Run this script as administrator (right-click PowerShell > Run as administrator).'
}

if ($Remove) {
    Unregister-ScheduledTask -TaskName $TaskName -Confirm:$false -ErrorAction SilentlyContinue
    Remove-Item -Force -ErrorAction SilentlyContinue (Join-Path $Dir 'lobby-run.cmd')
    Write-Host "Removed the scheduled task '$TaskName'."
    return
}

$exe = Join-Path $Dir 'jpkicheck.exe'
$office = Join-Path $Dir 'office.conf'
if (-not (Test-Path $exe)) { throw "jpkicheck.exe not found in $Dir (use -Dir)." }
if (-not (Test-Path $office)) { throw "office.conf not found in ${Dir}: copy it there and fill in the office's details." }

# The log: jpkicheck writes dated lines to stderr; a task has no console
# worth reading, so they are appended to a file staff can open in Notepad.
$logDir = Join-Path $env:ProgramData 'jpkicheck'
New-Item -ItemType Directory -Force -Path $logDir | Out-Null
$log = Join-Path $logDir 'kiosk.log'

# lobby-run.cmd runs the kiosk and starts it again 5 s after it stops,
# whatever the exit code (the task scheduler's own restart only covers a
# task that fails to start).
$kioskArgs = 'kiosk --office office.conf'
if (-not $AssignedAccess) { $kioskArgs += ' --browser' }
if ($ExtraArgs) { $kioskArgs += " $ExtraArgs" }
$runner = Join-Path $Dir 'lobby-run.cmd'
@"
@echo off
rem Written by lobby-pc.ps1: the lobby kiosk, started again whenever it stops.
cd /d "%~dp0"
:again
jpkicheck.exe $kioskArgs >> "$log" 2>&1
timeout /t 5 /nobreak >nul
goto again
"@ -replace '\r?\n', "`r`n" | Set-Content -Path $runner -Encoding ASCII
$action = New-ScheduledTaskAction -Execute "$env:SystemRoot\System32\cmd.exe" -Argument "/d /c `"$runner`"" -WorkingDirectory $Dir

# Restarted every minute if it cannot start, for as long as the PC runs;
# never stopped for running long or for running on battery.
$settings = New-ScheduledTaskSettingsSet -RestartCount 999 -RestartInterval (New-TimeSpan -Minutes 1) `
    -ExecutionTimeLimit ([TimeSpan]::Zero) -AllowStartIfOnBatteries -DontStopIfGoingOnBatteries `
    -StartWhenAvailable -MultipleInstances IgnoreNew

if ($AssignedAccess) {
    $trigger = New-ScheduledTaskTrigger -AtStartup
    $taskPrincipal = New-ScheduledTaskPrincipal -UserId 'SYSTEM' -LogonType ServiceAccount -RunLevel Limited
} else {
    $trigger = New-ScheduledTaskTrigger -AtLogOn -User $User
    $taskPrincipal = New-ScheduledTaskPrincipal -UserId $User -LogonType Interactive -RunLevel Limited
}
Register-ScheduledTask -TaskName $TaskName -Action $action -Trigger $trigger -Settings $settings `
    -Principal $taskPrincipal -Description 'jpkicheck lobby kiosk (docs/lobby-pc.md)' -Force | Out-Null
Write-Host "Registered the scheduled task '$TaskName' (runs $runner); log: $log"

# Sleep, hibernation and the display: never, on mains and on battery.
foreach ($setting in 'standby-timeout-ac', 'standby-timeout-dc', 'hibernate-timeout-ac', 'hibernate-timeout-dc',
    'monitor-timeout-ac', 'monitor-timeout-dc') {
    powercfg /change $setting 0 | Out-Null
}
powercfg /hibernate off | Out-Null
Write-Host 'Sleep, hibernation and the display timeout are off.'

# The screen saver and its lock: off for the kiosk account (policy, so the
# account cannot turn them back on by accident).
if (-not $AssignedAccess) {
    $sid = (New-Object Security.Principal.NTAccount($User)).Translate([Security.Principal.SecurityIdentifier]).Value
    $hive = "Registry::HKEY_USERS\$sid"
    $loaded = $false
    if (-not (Test-Path $hive)) {
        # Not signed in now: load the account's registry for the change.
        $profileDir = (Get-ItemProperty "HKLM:\SOFTWARE\Microsoft\Windows NT\CurrentVersion\ProfileList\$sid" -ErrorAction SilentlyContinue).ProfileImagePath
        if ($profileDir -and (Test-Path (Join-Path $profileDir 'NTUSER.DAT'))) {
            reg.exe load "HKU\$sid" (Join-Path $profileDir 'NTUSER.DAT') | Out-Null
            $loaded = $true
        }
    }
    if (Test-Path $hive) {
        $desk = "$hive\Software\Policies\Microsoft\Windows\Control Panel\Desktop"
        New-Item -Force -Path $desk | Out-Null
        Set-ItemProperty -Path $desk -Name ScreenSaveActive -Value '0'
        Set-ItemProperty -Path $desk -Name ScreenSaverIsSecure -Value '0'
        Write-Host "The screen saver is off for $User."
    } else {
        Write-Warning "$User has not signed in yet: sign in once, then run this script again to turn off the screen saver."
    }
    if ($loaded) {
        [GC]::Collect()
        reg.exe unload "HKU\$sid" | Out-Null
    }
}
# No lock screen after the display turns off (it never does, but a policy
# pushed later might).
$personal = 'HKLM:\SOFTWARE\Policies\Microsoft\Windows\Personalization'
New-Item -Force -Path $personal | Out-Null
Set-ItemProperty -Path $personal -Name NoLockScreen -Type DWord -Value 1

# Windows Update: download and install, but restart only outside 06:00-23:00
# and never while the kiosk account is signed in; the kiosk starts again
# at the next sign-in.
$wu = 'HKLM:\SOFTWARE\Policies\Microsoft\Windows\WindowsUpdate'
New-Item -Force -Path "$wu\AU" | Out-Null
Set-ItemProperty -Path $wu -Name SetActiveHours -Type DWord -Value 1
Set-ItemProperty -Path $wu -Name ActiveHoursStart -Type DWord -Value 6
Set-ItemProperty -Path $wu -Name ActiveHoursEnd -Type DWord -Value 23
Set-ItemProperty -Path "$wu\AU" -Name NoAutoRebootWithLoggedOnUsers -Type DWord -Value 1
Write-Host 'Windows Update restarts only outside 06:00-23:00 and not while signed in.'

# Edge as a kiosk: nothing to click through on first start, no translate
# bar, nothing remembered from what a visitor might type.
$edge = 'HKLM:\SOFTWARE\Policies\Microsoft\Edge'
New-Item -Force -Path $edge | Out-Null
foreach ($p in @{HideFirstRunExperience = 1; TranslateEnabled = 0; PasswordManagerEnabled = 0;
        SearchSuggestEnabled = 0; AutofillAddressEnabled = 0; AutofillCreditCardEnabled = 0;
        AutoplayAllowed = 1; StartupBoostEnabled = 0}.GetEnumerator()) {
    Set-ItemProperty -Path $edge -Name $p.Key -Type DWord -Value $p.Value
}
Write-Host 'Edge kiosk policies are set.'

Write-Host ''
Write-Host 'Next: set the PC to sign in to the kiosk account automatically (docs/lobby-pc.md,'
Write-Host '"Automatic sign-in"), restart, and check that the page appears full-screen.'
