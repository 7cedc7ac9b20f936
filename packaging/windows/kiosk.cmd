@echo off
rem jpkicheck lobby kiosk for Windows: serves the page on this PC and shows
rem it full-screen in Microsoft Edge. Edit office.conf (in Notepad, saved as
rem UTF-8) for the office block. To start it at sign-in, put a shortcut to
rem this file in shell:startup. Alt+F4 closes the browser; closing the
rem jpkicheck window stops the kiosk.
cd /d "%~dp0"
start "jpkicheck kiosk" jpkicheck.exe kiosk --office office.conf
rem Give the server a moment, then open the page.
timeout /t 2 /nobreak >nul
start "" msedge --kiosk http://127.0.0.1:8080/ --edge-kiosk-type=fullscreen --no-first-run
