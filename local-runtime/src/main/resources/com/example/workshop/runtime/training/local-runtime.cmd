@echo off
rem local-runtime's CLI: the same as "java -jar local-runtime.jar", started with the class-data archive
rem that the build made next to the jar for the JDK that built it. Another JDK starts it normally.
setlocal
set "DIR=%~dp0"
set "JAVA=java"
if defined JAVA_HOME set "JAVA=%JAVA_HOME%\bin\java"
if exist "%DIR%local-runtime.aot" (
  "%JAVA%" -XX:+IgnoreUnrecognizedVMOptions "-XX:AOTCache=%DIR%local-runtime.aot" -Xlog:disable -jar "%DIR%local-runtime.jar" %*
) else if exist "%DIR%local-runtime.jsa" (
  "%JAVA%" "-XX:SharedArchiveFile=%DIR%local-runtime.jsa" -Xshare:auto -Xlog:disable -jar "%DIR%local-runtime.jar" %*
) else (
  "%JAVA%" -jar "%DIR%local-runtime.jar" %*
)
exit /b %ERRORLEVEL%
