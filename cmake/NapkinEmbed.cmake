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
