// libFuzzer target for the Mermaid importer: any bytes give a design or an error, never a crash, a hang or
// undefined behaviour; a failed import says why, an imported design saves and loads back, and every message
// is valid UTF-8 (a shortened label in a warning must not cut a character in half).
#include "estimators/mermaid_import.h"
#include "estimators/text_escape.h"
#include "model/napkin_file.h"

#include <cstdint>
#include <cstdlib>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const napkin::MermaidImportResult result =
        napkin::importMermaid(std::string_view(reinterpret_cast<const char*>(data), size));
    for (const napkin::ImportMessage& warning : result.warnings)
        if (!napkin::isValidUtf8(warning.message))
            std::abort(); // messages are shown and saved as text
    if (!napkin::isValidUtf8(result.error))
        std::abort();
    if (!result.ok()) {
        if (result.error.empty())
            std::abort(); // a failed import must say why
        return 0;
    }
    if (!napkin::loadDesign(napkin::saveDesign(*result.design)).ok())
        std::abort(); // a design Napkin makes must open
    return 0;
}
