@echo off
rem `signdrop` as the installed app ships it (Windows): the app's own Electron runs the bundled command
rem as plain Node (ELECTRON_RUN_AS_NODE), so it needs no Node of its own. "Install Command Line Tool..."
rem adds this folder to the user's PATH. Layout: <app>\Signdrop.exe, <app>\resources\bin\signdrop.cmd.
setlocal
set ELECTRON_RUN_AS_NODE=1
"%~dp0..\..\Signdrop.exe" "%~dp0..\app.asar\bin\signdrop.js" %*
exit /b %ERRORLEVEL%
