# Writes one text file into a C++ source as `const char* const NAME` in namespace hearth.
file(READ ${IN} text)
set(body "// Generated from ${IN} by cmake/embed_text.cmake. Do not edit.\nnamespace hearth {\n")
string(APPEND body "extern const char* const ${NAME};\nconst char* const ${NAME} = R\"hearthtext(${text})hearthtext\";\n}\n")
file(WRITE ${OUT}.tmp "${body}")
file(COPY_FILE ${OUT}.tmp ${OUT} ONLY_IF_DIFFERENT)
