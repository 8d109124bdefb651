@echo off
rem Layerwise workbook launcher for Windows (cmd.exe).
rem   workbook                  JShell with the workbook loaded (builds first when needed)
rem   workbook run NN^|all^|FILE  run lessons headless and strictly (exit 1 on any failure)
rem   workbook help             every command
rem JAVA_HOME picks the JDK (17 or newer); LAYERWISE_HEAP=8g sets the heap. LAYERWISE_CLASSPATH, when set, is used as the class path as it
rem is and nothing is built. File arguments are resolved against the caller's directory.
rem The Vector API module (FLAG_vector) lets the fast kernels use SIMD; the JVM then prints one
rem "WARNING: Using incubator modules" line at start, which is expected (cmd.exe cannot filter it).
setlocal
set "CALLER=%CD%"
cd /d "%~dp0"

set "JAVA_BIN="
if defined JAVA_HOME set "JAVA_BIN=%JAVA_HOME%\bin\"
set "STAMP=target\.workbook-built"

rem The JVM flags come from one file, which ./workbook and the Java code read too (layerwise.io.JvmFlags):
rem FLAG_vector, FLAG_quiet, FLAG_headless, FLAG_jdk24.
for /f "usebackq eol=# tokens=1,* delims==" %%a in ("src\main\resources\layerwise\io\jvm-flags.properties") do set "FLAG_%%a=%%b"

rem JDK 24 and later warn when Tablesaw's class scanner uses sun.misc.Unsafe; allow it there, quietly,
rem as ./workbook and the pom's jdk24+ profile do. The JDK's own java tells its version.
set "JAVA_MAJOR=0"
for /f "tokens=2 delims==" %%v in ('""%JAVA_BIN%java" -XshowSettings:properties -version 2^>^&1 ^| findstr /c:"java.specification.version""') do set /a "JAVA_MAJOR=%%v" 2>nul
set "JVM_FLAGS="
set "JSHELL_FLAGS="
if %JAVA_MAJOR% GEQ 24 (
  set "JVM_FLAGS=%FLAG_jdk24%"
  set "JSHELL_FLAGS=-R%FLAG_jdk24%"
)

if defined LAYERWISE_CLASSPATH (
  set "CP=%LAYERWISE_CLASSPATH%"
  goto launch
)
set "CP=target\classes;target\lib\*"

rem Build when target\ lacks classes or jars, or when src\main or pom.xml is newer than the stamp.
set "NEEDS_BUILD=0"
if not exist "%STAMP%" set "NEEDS_BUILD=1"
if not exist "target\classes" set "NEEDS_BUILD=1"
if not exist "target\lib" set "NEEDS_BUILD=1"
if "%NEEDS_BUILD%"=="0" (
  for /f %%n in ('powershell -NoProfile -Command "$s=(Get-Item '%STAMP%').LastWriteTime; @(Get-ChildItem -Recurse src\main, pom.xml | Where-Object { $_.LastWriteTime -gt $s }).Count"') do (
    if not "%%n"=="0" set "NEEDS_BUILD=1"
  )
)
if "%NEEDS_BUILD%"=="1" (
  echo workbook: building ^(compile and copy the runtime jars to target\lib^)... 1>&2
  if not exist target mkdir target
  type nul > "%STAMP%.new"
  call mvnw.cmd -q -B -Dstyle.color=never compile dependency:copy-dependencies -DincludeScope=runtime -DoutputDirectory=target/lib 1>&2
  if errorlevel 1 (
    del /q "%STAMP%.new" 2>nul
    echo workbook: the build failed ^(see above^); fix it, or run mvnw.cmd compile to see the errors. 1>&2
    exit /b 1
  )
  move /y "%STAMP%.new" "%STAMP%" >nul
)

:launch
rem LAYERWISE_HEAP=8g gives the JVM that runs your code at most 8 GB of heap (java -Xmx8g).
if defined LAYERWISE_HEAP (
  set "JVM_FLAGS=%JVM_FLAGS% -Xmx%LAYERWISE_HEAP%"
  set "JSHELL_FLAGS=%JSHELL_FLAGS% -R-Xmx%LAYERWISE_HEAP%"
)
if "%~1"=="" (
  rem JShell through layerwise.workbook.Shell, as ./workbook starts it: the workbook feedback mode shows long
  rem values whole, and -C-Xlint:none keeps javac's incubator warning from every compile error.
  "%JAVA_BIN%java" -cp "%CP%" layerwise.workbook.Shell --class-path "%CP%" %FLAG_vector% -C-Xlint:none -R%FLAG_quiet% %JSHELL_FLAGS% --startup DEFAULT --startup jshell-scripts\startup.jsh
  exit /b
)
"%JAVA_BIN%java" -cp "%CP%" %JVM_FLAGS% %FLAG_vector% %FLAG_headless% %FLAG_quiet% -Dlayerwise.banner=off "-Dlayerwise.callerDir=%CALLER%\." layerwise.workbook.Main %*
exit /b %errorlevel%
