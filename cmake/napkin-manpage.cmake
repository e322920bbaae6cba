# Writes napkin.1.gz from the program's own help: `napkin --help` for the synopsis and, for every command it
# lists, `napkin COMMAND --help` for that command's options (QCommandLineParser text). Run at build time:
#   cmake -DNAPKIN=path/to/napkin -DOUT=path/to/napkin.1.gz -P napkin-manpage.cmake
# help2man reads only the top-level --help; the options live in each command's parser, so we walk them here.
cmake_minimum_required(VERSION 3.18)
foreach(var NAPKIN OUT)
  if(NOT DEFINED ${var})
    message(FATAL_ERROR "napkin-manpage.cmake: -D${var}=… is required")
  endif()
endforeach()

function(run_help out)
  execute_process(COMMAND ${NAPKIN} ${ARGN} OUTPUT_VARIABLE text ERROR_VARIABLE errors RESULT_VARIABLE rc)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "napkin-manpage.cmake: `napkin ${ARGN}` failed (${rc}): ${errors}")
  endif()
  # roff: a backslash is written \e, and a line starting with . or ' would be a request.
  string(REPLACE "\\" "\\e" text "${text}")
  string(REGEX REPLACE "(^|\n)([.'])" "\\1\\\\&\\2" text "${text}")
  string(REPLACE "${NAPKIN}" "napkin" text "${text}")
  set(${out} "${text}" PARENT_SCOPE)
endfunction()

run_help(usage --help)
run_help(version --version)
string(STRIP "${version}" version)
string(REGEX REPLACE "^napkin " "" version "${version}")

# The commands are the words after "napkin " at the start of the usage lines.
string(REGEX MATCHALL "napkin [a-z][a-z-]+" found "${usage}")
set(commands)
foreach(entry IN LISTS found)
  string(REPLACE "napkin " "" command "${entry}")
  list(APPEND commands ${command})
endforeach()
list(REMOVE_DUPLICATES commands)

set(page ".TH NAPKIN 1 \"\" \"napkin ${version}\" \"User Commands\"
.SH NAME
napkin \\- whiteboard and back-of-the-envelope estimator for system design
.SH SYNOPSIS
.nf
${usage}.fi
.SH DESCRIPTION
Without a command, napkin opens the editor, with FILE when one is given. With a command it runs headless:
it reads .napkin designs, checks and analyses them, and exports write-ups and diagrams.
.SH COMMANDS
")
foreach(command IN LISTS commands)
  run_help(help ${command} --help)
  string(APPEND page ".SS ${command}\n.nf\n${help}.fi\n")
endforeach()
string(APPEND page ".SH EXIT STATUS
0 on success; 1 when a checked design has an error; 2 when the command line is wrong.
.SH FILES
.TP
/usr/share/napkin/examples
Example designs.
")

get_filename_component(dir "${OUT}" DIRECTORY)
string(REGEX REPLACE "\\.gz$" "" plain "${OUT}")
file(WRITE "${plain}" "${page}")
file(ARCHIVE_CREATE OUTPUT "${OUT}" PATHS "${plain}" FORMAT raw COMPRESSION GZip)
