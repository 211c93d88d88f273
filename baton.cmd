@echo off
rem Baton's launcher for Windows: builds on first use, then runs a subcommand. Needs a JDK 17+ and Maven 3.8+.
setlocal
set "ROOT=%~dp0"
set "LIB=%ROOT%installer\target\lib"
set "CLASSES=%ROOT%installer\target\classes"
if not exist "%ROOT%installer\target\.baton-built" (
  echo baton: building Baton ^(first run^); progress follows 1>&2
  call mvn -B -DskipTests -f "%ROOT%pom.xml" package | findstr /C:"Building Baton" /C:"ERROR" /C:"BUILD"
  if errorlevel 1 goto :failed
  if not exist "%CLASSES%" goto :failed
  type nul > "%ROOT%installer\target\.baton-built"
)
java %BATON_JAVA_OPTS% -cp "%CLASSES%;%LIB%\*" dev.baton.launcher.Main %*
exit /b %ERRORLEVEL%
:failed
echo baton: the build failed 1>&2
exit /b 2
