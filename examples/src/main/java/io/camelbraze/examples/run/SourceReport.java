/*
 * Copyright 2026 The camel-braze-trigger authors
 *
 * Licensed under the Apache License, Version 2.0 (the "License");
 * you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at
 *
 *     http://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 */
package io.camelbraze.examples.run;

import java.util.List;

/**
 * Where one source's input ended up: sent to Braze, or rejected to a named place with reasons. {@code settled} is true
 * once the source holds nothing in progress (inbox empty, queue drained, no row being sent).
 */
public record SourceReport(String source, String unit, int seeded, int sent, int rejected, String rejectedTo,
                           List<String> rejectReasons, boolean settled, String sentDetail) {

    public int handled() {
        return sent + rejected;
    }

    /** Records neither sent nor rejected. Only meaningful once the run is over. */
    public int unaccounted() {
        return seeded - handled();
    }

    public boolean complete() {
        return settled && handled() >= seeded;
    }
}
