@echo off
rem jpkicheck lobby kiosk for Windows: serves the page on this PC and shows
rem it full-screen in Microsoft Edge, which it starts once the page is
rem served and starts again if it is closed. Edit office.conf (in Notepad,
rem saved as UTF-8) for the office block. To start it at every sign-in and
rem keep the PC awake, run lobby-pc.ps1 once as administrator (see
rem docs/lobby-pc.md). Closing the jpkicheck window stops the kiosk and
rem its browser.
cd /d "%~dp0"
jpkicheck.exe kiosk --office office.conf --browser
