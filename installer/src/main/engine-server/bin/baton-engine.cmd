@echo off
rem Starts the Baton engine server on Windows. Settings: conf\baton-engine.properties (or the file in BATON_CONFIG);
rem options on the command line win over the file. JAVA_HOME or the java on the PATH runs it (Java 17+).
setlocal
set "BASE=%~dp0.."
if "%BATON_CONFIG%"=="" set "BATON_CONFIG=%BASE%\conf\baton-engine.properties"
if "%BATON_LOG_DIR%"=="" set "BATON_LOG_DIR=%BASE%\logs"
if "%BATON_LOGBACK%"=="" set "BATON_LOGBACK=%BASE%\conf\logback.xml"
if "%JAVA_OPTS%"=="" set "JAVA_OPTS=-Xmx512m"
set "JAVA=java"
if not "%JAVA_HOME%"=="" set "JAVA=%JAVA_HOME%\bin\java"
if not exist "%BATON_CONFIG%" (
  echo baton-engine: cannot read the configuration file %BATON_CONFIG% ^(set BATON_CONFIG^) 1>&2
  exit /b 2
)
if not exist "%BATON_LOG_DIR%" mkdir "%BATON_LOG_DIR%"
"%JAVA%" %JAVA_OPTS% -Djava.awt.headless=true "-Dlogback.configurationFile=%BATON_LOGBACK%" "-Dbaton.log.dir=%BATON_LOG_DIR%" -cp "%BASE%\lib\*" dev.baton.engine.server.EngineMain --config "%BATON_CONFIG%" %*
exit /b %ERRORLEVEL%
