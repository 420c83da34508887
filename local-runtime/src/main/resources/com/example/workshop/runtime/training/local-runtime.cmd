@echo off
rem local-runtime's CLI: the same as "java -jar local-runtime.jar", started with the class-data archive
rem that the build made next to the jar for the JDK that built it. Another JDK starts it normally.
rem The serial collector and the first JIT tier only: a short-lived command starts faster (as on Lambda).
setlocal
set "DIR=%~dp0"
set "JAVA=java"
set "OPTS=-XX:+UseSerialGC -XX:TieredStopAtLevel=1"
if defined JAVA_HOME set "JAVA=%JAVA_HOME%\bin\java"
if exist "%DIR%local-runtime.aot" (
  "%JAVA%" %OPTS% -XX:+IgnoreUnrecognizedVMOptions "-XX:AOTCache=%DIR%local-runtime.aot" -Xlog:disable -jar "%DIR%local-runtime.jar" %*
) else if exist "%DIR%local-runtime.jsa" (
  "%JAVA%" %OPTS% "-XX:SharedArchiveFile=%DIR%local-runtime.jsa" -Xshare:auto -Xlog:disable -jar "%DIR%local-runtime.jar" %*
) else (
  "%JAVA%" %OPTS% -jar "%DIR%local-runtime.jar" %*
)
exit /b %ERRORLEVEL%
