# napkin_embed_text(TARGET INPUT SYMBOL): compiles the resource file INPUT into TARGET as the function
# `std::string_view napkin::SYMBOL()`, so that libraries read their data (catalog, reference tables,
# templates) without looking for files at run time. The data stays plain text in resources/.
function(napkin_embed_text target input symbol)
  set(output ${CMAKE_CURRENT_BINARY_DIR}/embedded_${symbol}.cpp)
  add_custom_command(
    OUTPUT ${output}
    COMMAND ${CMAKE_COMMAND} -DINPUT=${input} -DOUTPUT=${output} -DSYMBOL=${symbol}
            -P ${PROJECT_SOURCE_DIR}/cmake/embed_text.cmake
    DEPENDS ${input} ${PROJECT_SOURCE_DIR}/cmake/embed_text.cmake
    COMMENT "Embedding ${input}")
  target_sources(${target} PRIVATE ${output})
endfunction()

# napkin_embed_files(TARGET SYMBOL BASE FILES...): compiles every file into TARGET as the function
# `std::vector<std::pair<std::string_view, std::string_view>> napkin::SYMBOL()`, each file as its path
# relative to BASE and its text. For directories of content (concept entries) whose file list is globbed.
function(napkin_embed_files target symbol base)
  set(output ${CMAKE_CURRENT_BINARY_DIR}/embedded_${symbol}.cpp)
  list(JOIN ARGN "|" joined)
  add_custom_command(
    OUTPUT ${output}
    COMMAND ${CMAKE_COMMAND} "-DFILES=${joined}" -DBASE=${base} -DOUTPUT=${output} -DSYMBOL=${symbol}
            -P ${PROJECT_SOURCE_DIR}/cmake/embed_files.cmake
    DEPENDS ${ARGN} ${PROJECT_SOURCE_DIR}/cmake/embed_files.cmake
    COMMENT "Embedding ${symbol}"
    VERBATIM)
  target_sources(${target} PRIVATE ${output})
endfunction()
