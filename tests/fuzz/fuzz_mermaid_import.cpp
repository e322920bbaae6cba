// libFuzzer target for the Mermaid importer: any bytes give a design or an error, never a crash, a hang or
// undefined behaviour; a failed import says why, and an imported design saves and loads back.
#include "estimators/mermaid_import.h"
#include "model/napkin_file.h"

#include <cstdint>
#include <cstdlib>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const napkin::MermaidImportResult result =
        napkin::importMermaid(std::string_view(reinterpret_cast<const char*>(data), size));
    if (!result.ok()) {
        if (result.error.empty())
            std::abort(); // a failed import must say why
        return 0;
    }
    if (!napkin::loadDesign(napkin::saveDesign(*result.design)).ok())
        std::abort(); // a design Napkin makes must open
    return 0;
}
