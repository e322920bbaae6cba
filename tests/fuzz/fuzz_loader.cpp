// libFuzzer target for the .napkin loader: any bytes must give either a design or diagnostics, never a
// crash; and whatever loads must save and load back to the same bytes.
#include "model/napkin_file.h"

#include <cstdint>
#include <cstdlib>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    const napkin::LoadResult first = napkin::loadDesign(text);
    if (!first.ok()) {
        if (first.errors().empty())
            std::abort(); // a failed load must say why
        return 0;
    }
    const std::string saved = napkin::saveDesign(*first.design);
    const napkin::LoadResult second = napkin::loadDesign(saved);
    if (!second.ok() || napkin::saveDesign(*second.design) != saved)
        std::abort(); // what we write, we must read back unchanged
    return 0;
}
