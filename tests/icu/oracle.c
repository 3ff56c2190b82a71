/* An independent UAX #9 reference for qari's layout tests: ICU's ubidi.
 * stdin: "P\t<paragraph>\n" then any number of "R\t<start>\t<end>\n" (UTF-16 offsets of a row).
 * stdout: for every R, the row in visual order (ICU: paragraph level from the first strong
 * character, default right to left; mirroring; bidi controls removed; combining marks kept
 * after their base), one line each. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unicode/ubidi.h>
#include <unicode/ustring.h>

#define CAP (1 << 20)
static char line[CAP * 4];
static UChar para[CAP], out[CAP];
static char utf8[CAP * 4];

int main(void) {
    UErrorCode err = U_ZERO_ERROR;
    UBiDi *bidi = ubidi_openSized(0, 0, &err), *row = ubidi_openSized(0, 0, &err);
    int32_t plen = 0;
    while (fgets(line, sizeof line, stdin)) {
        line[strcspn(line, "\n")] = 0;
        err = U_ZERO_ERROR;
        if (line[0] == 'P') {
            u_strFromUTF8(para, CAP, &plen, line + 2, -1, &err);
            if (U_SUCCESS(err)) ubidi_setPara(bidi, para, plen, UBIDI_DEFAULT_RTL, NULL, &err);
        } else if (line[0] == 'R') {
            int32_t s = 0, e = 0, n = 0, m = 0;
            sscanf(line + 2, "%d\t%d", &s, &e);
            ubidi_setLine(bidi, s, e, row, &err);
            n = ubidi_writeReordered(row, out, CAP,
                                     UBIDI_DO_MIRRORING | UBIDI_REMOVE_BIDI_CONTROLS | UBIDI_KEEP_BASE_COMBINING, &err);
            u_strToUTF8(utf8, sizeof utf8, &m, out, n, &err);
        }
        if (U_FAILURE(err)) {
            fprintf(stderr, "oracle: %s\n", u_errorName(err));
            return 1;
        }
        if (line[0] == 'R') printf("%s\n", utf8);
    }
    return 0;
}
