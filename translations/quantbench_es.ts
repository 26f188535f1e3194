<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es">
<context>
    <name>QObject</name>
    <message>
        <location filename="../core/model/modelsummary.cpp" line="+169"/>
        <source>Layer</source>
        <translation>Capa</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Input prec. (bit)</source>
        <translation>Prec. entrada (bit)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Outputs</source>
        <translation>Salidas</translation>
    </message>
    <message>
        <location line="+2"/>
        <source># %1-bit</source>
        <translation># %1 bits</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Memory (KiB)</source>
        <translation>Memoria (KiB)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1-bit MACs</source>
        <translation>MACs de %1 bits</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Total</source>
        <translation>Total</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>Total parameters: %1
</source>
        <translation>Parámetros totales: %1
</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Model size: %1 KiB (%2 KiB with 8-bit floats; float-32 equivalent %3 KiB)
</source>
        <translation>Tamaño del modelo: %1 KiB (%2 KiB con flotantes de 8 bits; equivalente en float-32: %3 KiB)
</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Compression ratio: %1
</source>
        <translation>Razón de compresión: %1
</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>MACs: %1 (binarized share %2, ternarized share %3)
</source>
        <translation>MACs: %1 (proporción binarizada %2, proporción ternarizada %3)
</translation>
    </message>
    <message>
        <location filename="../core/model/network.cpp" line="+63"/>
        <source>could not build network &apos;%1&apos;: %2</source>
        <translation>no se pudo construir la red &apos;%1&apos;: %2</translation>
    </message>
    <message>
        <location line="+171"/>
        <source>could not write weights file %1: %2</source>
        <translation>no se pudo escribir el archivo de pesos %1: %2</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>weights file %1 does not exist</source>
        <translation>el archivo de pesos %1 no existe</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>weights file %1 has no tensor &apos;%2&apos;</source>
        <translation>el archivo de pesos %1 no contiene el tensor &apos;%2&apos;</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>weights file %1: tensor &apos;%2&apos; has the wrong shape</source>
        <translation>archivo de pesos %1: el tensor &apos;%2&apos; tiene una forma incorrecta</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>weights file %1: buffer &apos;%2&apos; is missing or has the wrong shape</source>
        <translation>archivo de pesos %1: el búfer &apos;%2&apos; falta o tiene una forma incorrecta</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>could not read weights file %1: %2</source>
        <translation>no se pudo leer el archivo de pesos %1: %2</translation>
    </message>
    <message>
        <location filename="../core/noise/noisecatalog.cpp" line="+40"/>
        <source>Additive Gaussian weight noise drawn on every forward pass: W + N(0, (sigma*s)^2), s = max|W| of the layer (relative) or 1.</source>
        <translation>Ruido gaussiano aditivo en los pesos, muestreado en cada pasada hacia adelante: W + N(0, (sigma*s)^2), s = max|W| de la capa (relativo) o 1.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Standard deviation, relative to max|W| or absolute.</source>
        <translation>Desviación estándar, relativa a max|W| o absoluta.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Scale sigma by max|W| of the layer&apos;s weights (not trained through).</source>
        <translation>Escalar sigma por el max|W| de los pesos de la capa (sin propagar el gradiente a través de esta escala).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>effective: added to the quantized weights the layer computes with; latent: added to the float weights before the kernel quantizer (the notebook&apos;s noisy layer; only matters where it flips a quantized value).</source>
        <translation>effective: se suma a los pesos cuantizados con los que calcula la capa; latent: se suma a los pesos en punto flotante antes del cuantizador de pesos (kernel) (la capa ruidosa del notebook; solo influye donde cambia un valor cuantizado).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Multiplicative weight noise drawn on every forward pass: W*(1 + N(0, sigma^2)) or W*exp(N(0, sigma^2)).</source>
        <translation>Ruido multiplicativo en los pesos, muestreado en cada pasada hacia adelante: W*(1 + N(0, sigma^2)) o W*exp(N(0, sigma^2)).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Standard deviation of the relative deviation.</source>
        <translation>Desviación estándar de la desviación relativa.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>normal: W*(1 + N(0, sigma^2)); lognormal: W*exp(N(0, sigma^2)), which never flips a sign.</source>
        <translation>normal: W*(1 + N(0, sigma^2)); lognormal: W*exp(N(0, sigma^2)), que nunca invierte el signo.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Device-to-device variation, a fixed pattern per simulated chip: W*(1 + U(-a, a)) + N(0, b^2).</source>
        <translation>Variación entre dispositivos, un patrón fijo por chip simulado: W*(1 + U(-a, a)) + N(0, b^2).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Half-width a of the uniform relative deviation.</source>
        <translation>Semiancho a de la desviación relativa uniforme.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Standard deviation b of the additive Gaussian deviation.</source>
        <translation>Desviación estándar b de la desviación gaussiana aditiva.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>effective: varies the quantized weights the layer computes with; latent: varies the float weights before the kernel quantizer (a binary layer stays binary, with the weights near zero flipped on some chips).</source>
        <translation>effective: varía los pesos cuantizados con los que calcula la capa; latent: varía los pesos en punto flotante antes del cuantizador de pesos (una capa binaria sigue siendo binaria, con los pesos cercanos a cero invertidos en algunos chips).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Read noise on the layer&apos;s pre-activation output, drawn on every forward pass: y + N(0, (sigma*s)^2), s = max|y| (relative) or 1.</source>
        <translation>Ruido de lectura en la salida de preactivación de la capa, muestreado en cada pasada hacia adelante: y + N(0, (sigma*s)^2), s = max|y| (relativo) o 1.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Standard deviation, absolute or relative to max|y|.</source>
        <translation>Desviación estándar, absoluta o relativa a max|y|.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Scale sigma by max|y| of the current output (not trained through).</source>
        <translation>Escalar sigma por el max|y| de la salida actual (sin propagar el gradiente a través de esta escala).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Saturating arithmetic on the layer&apos;s output: clamp(y, lo, hi) with gradient 0 outside, or the soft hi*tanh(y/hi).</source>
        <translation>Aritmética saturante en la salida de la capa: clamp(y, lo, hi) con gradiente 0 fuera del rango, o la versión suave hi*tanh(y/hi).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Lowest output value.</source>
        <translation>Valor de salida mínimo.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Highest output value.</source>
        <translation>Valor de salida máximo.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>hi*tanh(y/hi) instead of the hard clamp; needs lo = -hi.</source>
        <translation>hi*tanh(y/hi) en lugar del recorte abrupto; requiere lo = -hi.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Analog-to-digital conversion of the layer&apos;s output: clamp to [lo, hi] and round to 2^bits levels; straight-through gradient inside, 0 outside.</source>
        <translation>Conversión analógico-digital de la salida de la capa: recortar a [lo, hi] y redondear a 2^bits niveles; gradiente de paso directo dentro del rango, 0 fuera.</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+66"/>
        <source>Resolution of the converter.</source>
        <translation>Resolución del convertidor.</translation>
    </message>
    <message>
        <location line="-65"/>
        <source>Lowest level.</source>
        <translation>Nivel mínimo.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Highest level.</source>
        <translation>Nivel máximo.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Stuck-at faults, a fixed pattern per simulated chip: a fraction p of the weights stuck at +w_max, -w_max or 0 (w_max = max|W|), with no gradient.</source>
        <translation>Fallos de bit fijo (stuck-at), un patrón fijo por chip simulado: una fracción p de los pesos queda fija en +w_max, -w_max o 0 (w_max = max|W|), sin gradiente.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Fraction of the weights that are stuck (round(p*n) of n).</source>
        <translation>Fracción de los pesos que quedan fijos (round(p*n) de n).</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>max: +w_max; min: -w_max; zero: 0; random: one of the three, uniformly per weight.</source>
        <translation>max: +w_max; min: -w_max; zero: 0; random: uno de los tres, elegido uniformemente para cada peso.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Conductance drift, a fixed pattern per simulated chip: W*(t/t0)^(-nu), nu ~ N(nu_mean, nu_std^2) per weight.</source>
        <translation>Deriva de conductancia, un patrón fijo por chip simulado: W*(t/t0)^(-nu), nu ~ N(nu_mean, nu_std^2) por peso.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Time of the evaluation in seconds.</source>
        <translation>Instante de la evaluación, en segundos.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Time of programming (reference) in seconds.</source>
        <translation>Instante de la programación (referencia), en segundos.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mean drift exponent.</source>
        <translation>Exponente de deriva medio.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Standard deviation of the drift exponent between weights.</source>
        <translation>Desviación estándar del exponente de deriva entre pesos.</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>nonideality &apos;%1&apos;: parameter &apos;lo&apos; = %2 must be below &apos;hi&apos; = %3</source>
        <translation>no idealidad &apos;%1&apos;: el parámetro &apos;lo&apos; = %2 debe ser menor que &apos;hi&apos; = %3</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>nonideality &apos;%1&apos;: soft saturation hi*tanh(y/hi) is symmetric, so parameter &apos;lo&apos; = %2 must be -&apos;hi&apos; = %3</source>
        <translation>no idealidad &apos;%1&apos;: la saturación suave hi*tanh(y/hi) es simétrica, por lo que el parámetro &apos;lo&apos; = %2 debe ser -&apos;hi&apos; = %3</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>unknown nonideality &apos;%1&apos; (known: %2)</source>
        <translation>no idealidad desconocida &apos;%1&apos; (conocidas: %2)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>nonideality &apos;%1&apos;</source>
        <translation>no idealidad &apos;%1&apos;</translation>
    </message>
    <message>
        <location filename="../core/quant/quantizercatalog.cpp" line="+66"/>
        <source>Gradient is zero where |x| &gt; clip; 0 disables the clip.</source>
        <translation>El gradiente es cero donde |x| &gt; clip; 0 desactiva el recorte.</translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+171"/>
        <source>Bits per value, k.</source>
        <translation>Bits por valor, k.</translation>
    </message>
    <message>
        <location line="-140"/>
        <source>Sign with a straight-through estimator: forward sign(x) (sign(0) = +1), gradient passed where |x| &lt;= clip.</source>
        <translation>Signo con estimador de paso directo (STE): hacia adelante sign(x) (sign(0) = +1); el gradiente pasa donde |x| &lt;= clip.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Sign with Bi-Real Net&apos;s polynomial gradient: forward sign(x), gradient 2 - 2|x| where |x| &lt;= 1, else 0.</source>
        <translation>Signo con el gradiente polinómico de Bi-Real Net: hacia adelante sign(x); gradiente 2 - 2|x| donde |x| &lt;= 1, y 0 en otro caso.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Sign with the SignSwish gradient of BNN+: forward sign(x), gradient beta*(2 - beta*x*tanh(beta*x/2)) / (1 + cosh(beta*x)).</source>
        <translation>Signo con el gradiente SignSwish de BNN+: hacia adelante sign(x); gradiente beta*(2 - beta*x*tanh(beta*x/2)) / (1 + cosh(beta*x)).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Steepness of the gradient, which peaks at beta for x = 0.</source>
        <translation>Pendiente del gradiente, cuyo máximo es beta en x = 0.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Sign scaled by the mean |w| of each output channel (Bi-Real Net), with the clipped straight-through gradient times that scale.</source>
        <translation>Signo escalado por la media de |w| de cada canal de salida (Bi-Real Net), con el gradiente de paso directo recortado multiplicado por esa escala.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Sign with the rectified straight-through estimator (ReSTE): gradient (1/o)|x|^((1-o)/o) up to |x| = t, constant below |x| = 0.1; o = 1 is the clipped straight-through estimator.</source>
        <translation>Signo con el estimador de paso directo rectificado (ReSTE): gradiente (1/o)|x|^((1-o)/o) hasta |x| = t, constante por debajo de |x| = 0.1; o = 1 es el estimador de paso directo recortado.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Order of the estimator (the final order with a schedule); 1 is the clipped straight-through estimator.</source>
        <translation>Orden del estimador (el orden final cuando se usa una planificación); 1 es el estimador de paso directo recortado.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Gradient is zero where |x| &gt; t.</source>
        <translation>El gradiente es cero donde |x| &gt; t.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>constant: o throughout; cosine: o rises from 1 to o over the epochs, 1 + (1 - cos(pi/2 * e/E)) * (o - 1).</source>
        <translation>constant: o durante todo el entrenamiento; cosine: o sube de 1 a o a lo largo de las épocas, 1 + (1 - cos(pi/2 * e/E)) * (o - 1).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Heaviside step with a straight-through estimator: forward 1 where x &gt; 0 else 0, gradient passed where |x| &lt;= clip.</source>
        <translation>Escalón de Heaviside con estimador de paso directo (STE): hacia adelante 1 donde x &gt; 0 y 0 en otro caso; el gradiente pasa donde |x| &lt;= clip.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>BinaryConnect&apos;s stochastic binarization: +1 with probability clip((x + 1) / 2, 0, 1), else -1, in training, sign(x) at evaluation unless asked; clipped straight-through gradient.</source>
        <translation>Binarización estocástica de BinaryConnect: +1 con probabilidad clip((x + 1) / 2, 0, 1) y -1 en otro caso durante el entrenamiento, y sign(x) en la evaluación salvo que se indique lo contrario; gradiente de paso directo recortado.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Draw at evaluation too, instead of taking sign(x).</source>
        <translation>Muestrear también en la evaluación, en lugar de usar sign(x).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Ternary Weight Networks: weights beyond Delta = threshold_factor * mean|W| become +-alpha, their mean magnitude, the rest 0; clipped straight-through gradient.</source>
        <translation>Ternary Weight Networks: los pesos que superan Delta = threshold_factor * mean|W| pasan a +-alpha, su magnitud media, y el resto a 0; gradiente de paso directo recortado.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Delta = threshold_factor * mean|W| over the layer&apos;s weights.</source>
        <translation>Delta = threshold_factor * mean|W| sobre los pesos de la capa.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Ternary with a fixed threshold: -1, 0 or +1 (0 where |x| &lt;= threshold), clipped straight-through gradient.</source>
        <translation>Ternario con umbral fijo: -1, 0 o +1 (0 donde |x| &lt;= threshold); gradiente de paso directo recortado.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Values with |x| &lt;= threshold become 0.</source>
        <translation>Los valores con |x| &lt;= threshold pasan a 0.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>DoReFa-Net&apos;s k-bit quantizer: activations round(clip(x, 0, 1) * (2^k - 1)) / (2^k - 1), weights the same grid on [-1, 1] after tanh normalisation; straight-through gradient.</source>
        <translation>Cuantizador de k bits de DoReFa-Net: activaciones round(clip(x, 0, 1) * (2^k - 1)) / (2^k - 1); pesos, la misma rejilla en [-1, 1] tras normalizar con tanh; gradiente de paso directo.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>activations: clip to [0, 1]; weights: tanh(W) / max|tanh(W)| onto [-1, 1].</source>
        <translation>activations: recortar a [0, 1]; weights: tanh(W) / max|tanh(W)| sobre [-1, 1].</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Fixed point in a word of w bits, f of them fraction: round(x * 2^f) saturated or wrapped to the word, over 2^f; identity gradient inside the range.</source>
        <translation>Punto fijo en una palabra de w bits, f de ellos fraccionarios: round(x * 2^f) saturado o con desbordamiento circular en la palabra, dividido entre 2^f; gradiente identidad dentro del rango.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Word size w in bits, the sign bit included when signed.</source>
        <translation>Tamaño de palabra w en bits, incluido el bit de signo si es con signo.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Fraction bits f: the step is 2^-f.</source>
        <translation>Bits fraccionarios f: el paso es 2^-f.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Two&apos;s complement [-2^(w-1), 2^(w-1) - 1] rather than [0, 2^w - 1].</source>
        <translation>Complemento a dos [-2^(w-1), 2^(w-1) - 1] en lugar de [0, 2^w - 1].</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>nearest (halves to even), floor, or stochastic: floor(v + u), u ~ U[0, 1).</source>
        <translation>nearest (mitades al par), floor, o stochastic: floor(v + u), u ~ U[0, 1).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>saturate: clamp to the range (gradient 0 outside); wrap: two&apos;s complement overflow (gradient passed everywhere).</source>
        <translation>saturate: recortar al rango (gradiente 0 fuera); wrap: desbordamiento en complemento a dos (el gradiente pasa en todo el dominio).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Uniform k-bit grid over [min, max] with a straight-through gradient; the defaults, 8 bits over [-1, 1], are the input-layer bit-width quantizer.</source>
        <translation>Rejilla uniforme de k bits sobre [min, max] con gradiente de paso directo; los valores predeterminados, 8 bits sobre [-1, 1], corresponden al cuantizador de ancho de bits de la capa de entrada.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Lowest level; below it values clamp.</source>
        <translation>Nivel mínimo; los valores inferiores se recortan a él.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Highest level; above it values clamp.</source>
        <translation>Nivel máximo; los valores superiores se recortan a él.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>deterministic: nearest level (halves to even); stochastic: floor(v + u), u ~ U[0, 1).</source>
        <translation>deterministic: nivel más cercano (mitades al par); stochastic: floor(v + u), u ~ U[0, 1).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Learned step size quantization (LSQ): a k-bit grid whose step is trained with the network, starting from 2 * mean|x| / sqrt(Q_P) on the first batch.</source>
        <translation>Cuantización con tamaño de paso aprendido (LSQ): una rejilla de k bits cuyo paso se entrena junto con la red, partiendo de 2 * mean|x| / sqrt(Q_P) en el primer lote.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Levels -2^(k-1) .. 2^(k-1) - 1 steps (weights) rather than 0 .. 2^k - 1 (non-negative activations).</source>
        <translation>Niveles de -2^(k-1) .. 2^(k-1) - 1 pasos (pesos) en lugar de 0 .. 2^k - 1 (activaciones no negativas).</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>quantizer &apos;%1&apos;: parameter &apos;min&apos; = %2 must be below &apos;max&apos; = %3</source>
        <translation>cuantizador &apos;%1&apos;: el parámetro &apos;min&apos; = %2 debe ser menor que &apos;max&apos; = %3</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>%1 has no parameter &apos;%2&apos;</source>
        <translation>%1 no tiene el parámetro &apos;%2&apos;</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1: parameter &apos;%2&apos; must be a number</source>
        <translation>%1: el parámetro &apos;%2&apos; debe ser un número</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1: parameter &apos;%2&apos; must be an integer</source>
        <translation>%1: el parámetro &apos;%2&apos; debe ser un entero</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1: parameter &apos;%2&apos; = %3 is outside [%4, %5]</source>
        <translation>%1: el parámetro &apos;%2&apos; = %3 está fuera de [%4, %5]</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1: parameter &apos;%2&apos; must be true or false</source>
        <translation>%1: el parámetro &apos;%2&apos; debe ser true o false</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1: parameter &apos;%2&apos; must be one of %3</source>
        <translation>%1: el parámetro &apos;%2&apos; debe ser uno de %3</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>unknown quantizer &apos;%1&apos; (known: %2)</source>
        <translation>cuantizador desconocido &apos;%1&apos; (conocidos: %2)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>quantizer &apos;%1&apos; cannot be used as %2 quantizer</source>
        <translation>el cuantizador &apos;%1&apos; no se puede usar como cuantizador %2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>a kernel</source>
        <translation>de pesos (kernel)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>an input</source>
        <translation>de entrada</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>quantizer &apos;%1&apos;</source>
        <translation>cuantizador &apos;%1&apos;</translation>
    </message>
    <message>
        <location filename="../core/spec/experimentspec.cpp" line="+42"/>
        <source>experiment</source>
        <translation>experimento</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>experiment file</source>
        <translation>archivo de experimento</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>must be a network object</source>
        <translation>debe ser un objeto de red</translation>
    </message>
    <message>
        <location line="+12"/>
        <location filename="../core/spec/networkspec.cpp" line="+150"/>
        <source>must be an object of training settings</source>
        <translation>debe ser un objeto con la configuración de entrenamiento</translation>
    </message>
    <message>
        <location filename="../core/spec/layerspec.cpp" line="+122"/>
        <source>must be &quot;valid&quot;, &quot;same&quot; or a non-negative integer</source>
        <translation>debe ser &quot;valid&quot;, &quot;same&quot; o un entero no negativo</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>must be null (full precision) or an object such as {&quot;name&quot;: &quot;ste_sign&quot;, &quot;clip&quot;: 1}</source>
        <translation>debe ser null (precisión completa) o un objeto como {&quot;name&quot;: &quot;ste_sign&quot;, &quot;clip&quot;: 1}</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>field &apos;%1&apos; has no quantizer name: write {&quot;name&quot;: &quot;ste_sign&quot;, ...}, or null for full precision</source>
        <translation>el campo &apos;%1&apos; no tiene nombre de cuantizador: se espera {&quot;name&quot;: &quot;ste_sign&quot;, ...}, o null para precisión completa</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>field &apos;%1&apos;: the quantizer name must be a non-empty string; got %2</source>
        <translation>campo &apos;%1&apos;: el nombre del cuantizador debe ser una cadena no vacía; se obtuvo %2</translation>
    </message>
    <message>
        <location filename="../core/export/cwriter.cpp" line="+196"/>
        <location filename="../core/export/onnxwriter.cpp" line="+45"/>
        <location filename="../core/spec/layerspec.cpp" line="+156"/>
        <source>layer %1 (%2)</source>
        <translation>capa %1 (%2)</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../core/export/onnxwriter.cpp" line="+1"/>
        <location filename="../core/spec/layerspec.cpp" line="+1"/>
        <source>layer %1 (%2 &apos;%3&apos;)</source>
        <translation>capa %1 (%2 &apos;%3&apos;)</translation>
    </message>
    <message>
        <location line="+104"/>
        <source>pooling needs a spatial map</source>
        <translation>el pooling necesita un mapa espacial</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>invalid pooling geometry</source>
        <translation>geometría de pooling no válida</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>the snapshot&apos;s output shape %1 does not match the pooling</source>
        <translation>la forma de salida %1 de la instantánea no coincide con el pooling</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>sign of its input</source>
        <translation>signo de su entrada</translation>
    </message>
    <message>
        <location line="+65"/>
        <source>%1 sign thresholds for %2 channels</source>
        <translation>%1 umbrales de signo para %2 canales</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>sign threshold scale %1 is not +-1</source>
        <translation>la escala del umbral de signo %1 no es +-1</translation>
    </message>
    <message>
        <location line="+86"/>
        <source>the input bits of layer %1</source>
        <translation>los bits de entrada de la capa %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>max pooling, then the sign thresholds of layer %1: %2</source>
        <translation>pooling máximo y después los umbrales de signo de la capa %1: %2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the sign thresholds of layer %1, then max pooling as an OR of the bits: %2</source>
        <translation>los umbrales de signo de la capa %1 y después pooling máximo como un OR de los bits: %2</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>the sign thresholds of layer %1: %2</source>
        <translation>los umbrales de signo de la capa %1: %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>max pooling, then the sign: %1</source>
        <translation>pooling máximo y después el signo: %1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>max over the %1, fused into the input bits of layer %2</source>
        <translation>máximo sobre los %1, fusionado en los bits de entrada de la capa %2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>integers</source>
        <translation>enteros</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>floats</source>
        <translation>flotantes</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>with the sign of layer %1: per channel (flip ? -v : v) &gt;= threshold on its %2 input v (QuantBench&apos;s thresholds)</source>
        <translation>con el signo de la capa %1: por canal, (flip ? -v : v) &gt;= threshold sobre su entrada v %2 (los umbrales de QuantBench)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>integer</source>
        <translation>entera</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>float</source>
        <translation>en punto flotante</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>identity</source>
        <translation>identidad</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>its input quantizer &apos;%1&apos; has no C form (the C export knows the sign quantizer only)</source>
        <translation>su cuantizador de entrada &apos;%1&apos; no tiene forma en C (la exportación a C solo admite el cuantizador de signo)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>unexpected weight shape</source>
        <translation>forma de pesos inesperada</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 effective weights for %2 in the shape</source>
        <translation>%1 pesos efectivos para los %2 de la forma</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>a weight is not finite</source>
        <translation>un peso no es finito</translation>
    </message>
    <message>
        <location line="+3"/>
        <location filename="../core/export/tensorexport.cpp" line="+172"/>
        <source>%1 biases for %2 outputs</source>
        <translation>%1 sesgos para %2 salidas</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>its input is %1, the weights take %2 channels</source>
        <translation>su entrada es %1, los pesos esperan %2 canales</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>invalid stride or padding</source>
        <translation>paso o relleno no válidos</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>the kernel does not fit the input</source>
        <translation>el núcleo no cabe en la entrada</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>its input has %1 values, the weights take %2</source>
        <translation>su entrada tiene %1 valores, los pesos esperan %2</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>the snapshot&apos;s output shape %1 does not match the weights and padding</source>
        <translation>la forma de salida %1 de la instantánea no coincide con los pesos y el relleno</translation>
    </message>
    <message>
        <location line="+46"/>
        <source>%1XNOR-popcount, %2 words per %3%4</source>
        <translation>%1XNOR-popcount, %2 palabras por %3%4</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the sign of its input packed to bits, then </source>
        <translation>el signo de su entrada empaquetado en bits y después </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>filter</source>
        <translation>filtro</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>row</source>
        <translation>fila</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>, then + bias (float)</source>
        <translation>, después + sesgo (punto flotante)</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>+-1 weights (bit-packed) on floats, taps summed from +0 in %1 order%2</source>
        <translation>pesos +-1 (empaquetados en bits) sobre flotantes, términos sumados desde +0 en orden %1%2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>(channel, row, column)</source>
        <translation>(canal, fila, columna)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>input</source>
        <translation>de entrada</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+2"/>
        <source>, then + bias</source>
        <translation>, después + sesgo</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>float weights, float sums%1</source>
        <translation>pesos en punto flotante, sumas en punto flotante%1</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>identity (evaluation)</source>
        <translation>identidad (evaluación)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>identity (maps are stored in CHW order, the flattening order)</source>
        <translation>identidad (los mapas se almacenan en orden CHW, el orden de aplanado)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>identity (the logits are the values before any softmax)</source>
        <translation>identidad (los logits son los valores antes de cualquier softmax)</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>unknown activation</source>
        <translation>activación desconocida</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>spiking layers run over time steps, which the C export does not generate</source>
        <translation>las capas de impulsos funcionan a lo largo de pasos de tiempo, que la exportación a C no genera</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>max over the integers</source>
        <translation>máximo sobre los enteros</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>max (NaN wins, as torch)</source>
        <translation>máximo (NaN gana, como en torch)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>average over the cells inside the image</source>
        <translation>promedio sobre las celdas dentro de la imagen</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>its statistics do not have %1 channels</source>
        <translation>sus estadísticas no tienen %1 canales</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>table of QuantBench&apos;s outputs for the integers in [-%1, %1]</source>
        <translation>tabla de las salidas de QuantBench para los enteros en [-%1, %1]</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>x * alpha + beta per channel (alpha = gamma / sqrt(var + eps), beta = beta - mean * alpha)</source>
        <translation>x * alpha + beta por canal (alpha = gamma / sqrt(var + eps), beta = beta - mean * alpha)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>this layer type has no C form</source>
        <translation>este tipo de capa no tiene forma en C</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>the C export takes image bytes; tabular inputs (%1) are not supported</source>
        <translation>la exportación a C recibe bytes de imagen; las entradas tabulares (%1) no se admiten</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>the input shape %1 is neither an image nor a vector</source>
        <translation>la forma de entrada %1 no es ni una imagen ni un vector</translation>
    </message>
    <message>
        <location line="+2"/>
        <location filename="../core/export/onnxwriter.cpp" line="+335"/>
        <source>the model has no classes</source>
        <translation>el modelo no tiene clases</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>the network ends with %1 values for %2 classes</source>
        <translation>la red termina con %1 valores para %2 clases</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>run %1 (&quot;%2&quot;)</source>
        <translation>ejecución %1 (&quot;%2&quot;)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&quot;%1&quot;</source>
        <translation>&quot;%1&quot;</translation>
    </message>
    <message>
        <location line="+50"/>
        <source>&apos;%1&apos; cannot prefix a C library: use a C identifier of letters, digits and underscores that starts with a letter and is no C keyword (at most 40 characters)</source>
        <translation>&apos;%1&apos; no puede ser el prefijo de una biblioteca C: usar un identificador de C formado por letras, dígitos y guiones bajos que empiece por una letra y no sea una palabra clave de C (como máximo 40 caracteres)</translation>
    </message>
    <message>
        <location filename="../core/spec/layerspec.cpp" line="+5"/>
        <location filename="../core/spec/networkvalidator.cpp" line="+421"/>
        <source>layer %1</source>
        <translation>capa %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1: must be an object such as {&quot;type&quot;: &quot;dense&quot;, &quot;units&quot;: 10}; got %2</source>
        <translation>%1: debe ser un objeto como {&quot;type&quot;: &quot;dense&quot;, &quot;units&quot;: 10}; se obtuvo %2</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>%1: unknown layer type &apos;%2&apos; (known: %3)</source>
        <translation>%1: tipo de capa desconocido &apos;%2&apos; (conocidos: %3)</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>must be &quot;glorot_uniform&quot; or &quot;pytorch&quot;</source>
        <translation>debe ser &quot;glorot_uniform&quot; o &quot;pytorch&quot;</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>must be a list</source>
        <translation>debe ser una lista</translation>
    </message>
    <message>
        <location line="+40"/>
        <location filename="../core/spec/spikingspec.cpp" line="+76"/>
        <source>must be one of %1</source>
        <translation>debe ser uno de %1</translation>
    </message>
    <message>
        <location filename="../core/spec/networkspec.cpp" line="-109"/>
        <source>network: field &apos;input&apos;</source>
        <translation>red: campo &apos;input&apos;</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 must be an object {&quot;channels&quot;: 1, &quot;height&quot;: 28, &quot;width&quot;: 28} or {&quot;features&quot;: n}; got %2</source>
        <translation>%1 debe ser un objeto {&quot;channels&quot;: 1, &quot;height&quot;: 28, &quot;width&quot;: 28} o {&quot;features&quot;: n}; se obtuvo %2</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>%1: &apos;dims&apos; must be a list of integers</source>
        <translation>%1: &apos;dims&apos; debe ser una lista de enteros</translation>
    </message>
    <message>
        <location line="+16"/>
        <source> (the input is {&quot;channels&quot;, &quot;height&quot;, &quot;width&quot;} or {&quot;features&quot;})</source>
        <translation> (la entrada es {&quot;channels&quot;, &quot;height&quot;, &quot;width&quot;} o {&quot;features&quot;})</translation>
    </message>
    <message>
        <location line="+33"/>
        <location filename="../core/spec/networkvalidator.cpp" line="-4"/>
        <source>network</source>
        <translation>red</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>network file</source>
        <translation>archivo de red</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>network: spiking</source>
        <translation>red: spiking</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>network: training: %1</source>
        <translation>red: training: %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>must be a list of layers</source>
        <translation>debe ser una lista de capas</translation>
    </message>
    <message>
        <location filename="../core/spec/networkvalidator.cpp" line="-341"/>
        <source>must be channels x height x width or a number of features, each at least 1; got %1</source>
        <translation>debe ser canales x alto x ancho o un número de características, cada uno al menos 1; se obtuvo %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>the network has no layers</source>
        <translation>la red no tiene capas</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>the name &apos;%1&apos; is already used by layer %2</source>
        <translation>el nombre &apos;%1&apos; ya lo usa la capa %2</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>the network has no conv2d or dense layer, so it has nothing to learn</source>
        <translation>la red no tiene ninguna capa conv2d ni dense, así que no tiene nada que aprender</translation>
    </message>
    <message>
        <location line="+78"/>
        <source>the network must end in a flat vector of class scores; got feature maps %1: add a flatten and a dense layer at the end</source>
        <translation>la red debe terminar en un vector plano de puntuaciones de clase; se obtuvieron mapas de características %1: añadir una capa flatten y una capa dense al final</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>the network ends with %1 outputs but the dataset has %2 classes</source>
        <translation>la red termina con %1 salidas, pero el conjunto de datos tiene %2 clases</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>must be at least 0 and less than 1 (the weight of the old running mean); got %1</source>
        <translation>debe ser al menos 0 y menor que 1 (el peso de la media móvil anterior); se obtuvo %1</translation>
    </message>
    <message>
        <location line="-97"/>
        <location line="+3"/>
        <location line="+33"/>
        <location line="+66"/>
        <source>must be greater than 0; got %1</source>
        <translation>debe ser mayor que 0; se obtuvo %1</translation>
    </message>
    <message>
        <location line="-105"/>
        <source>must be between 1 and 100000; got %1</source>
        <translation>debe estar entre 1 y 100000; es %1</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>must be between 0 and 1 (exclusive); got %1</source>
        <translation>debe estar entre 0 y 1 (sin incluirlos); es %1</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>correct_rate and incorrect_rate must be between 0 and 1; got %1 and %2</source>
        <translation>correct_rate e incorrect_rate deben estar entre 0 y 1; son %1 y %2</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>a spiking network must end in a leaky or synaptic layer: its spike counts are the class scores</source>
        <translation>una red de impulsos debe terminar en una capa leaky o synaptic: sus recuentos de impulsos son las puntuaciones de las clases</translation>
    </message>
    <message>
        <location line="+9"/>
        <location line="+2"/>
        <source>must be between 0 and 1; got %1</source>
        <translation>debe estar entre 0 y 1; es %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>must be greater than 0, or 0 for the default; got %1</source>
        <translation>debe ser mayor que 0, o 0 para el valor por defecto; es %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>bits must be between 1 and 16; got %1</source>
        <translation>bits debe estar entre 1 y 16; es %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>threshold must be greater than 0, and lower_limit and upper_limit greater than -1</source>
        <translation>threshold debe ser mayor que 0, y lower_limit y upper_limit mayores que -1</translation>
    </message>
    <message>
        <location line="+61"/>
        <source>must be at least 0 and less than 1; got %1</source>
        <translation>debe ser al menos 0 y menor que 1; se obtuvo %1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>softmax is only allowed as the last layer (it turns the class scores into probabilities)</source>
        <translation>softmax solo se permite como última capa (convierte las puntuaciones de clase en probabilidades)</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>flatten needs feature maps; its input is already a flat vector of %1</source>
        <translation>flatten necesita mapas de características; su entrada ya es un vector plano de %1</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>%1 layer needs feature maps; got a flat vector of %2</source>
        <translation>la capa %1 necesita mapas de características; se obtuvo un vector plano de %2</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>must be 0 (no clip) or positive; got %1</source>
        <translation>debe ser 0 (sin recorte) o positivo; se obtuvo %1</translation>
    </message>
    <message>
        <location line="+13"/>
        <location line="+47"/>
        <source>must be at least 1; got %1</source>
        <translation>debe ser al menos 1; se obtuvo %1</translation>
    </message>
    <message>
        <location line="-42"/>
        <location line="+5"/>
        <location line="+58"/>
        <source>must be at least 1x1; got %1</source>
        <translation>debe ser al menos 1x1; se obtuvo %1</translation>
    </message>
    <message>
        <location line="-53"/>
        <location line="+69"/>
        <source>must not be negative; got %1</source>
        <translation>no debe ser negativo; se obtuvo %1</translation>
    </message>
    <message>
        <location line="-55"/>
        <source>kernel %1 is larger than its %2 input</source>
        <translation>el núcleo (kernel) %1 es mayor que su entrada de %2</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+74"/>
        <source> (%1 with padding)</source>
        <translation> (%1 con relleno)</translation>
    </message>
    <message>
        <location line="-50"/>
        <source>dense layer needs a flat input; got feature maps %1: add a flatten layer before it</source>
        <translation>la capa dense necesita una entrada plana; se obtuvieron mapas de características %1: añadir una capa flatten antes de ella</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>must be at least 1, or 0 for the pool size; got %1</source>
        <translation>debe ser al menos 1, o 0 para usar el tamaño de la ventana de pooling; se obtuvo %1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>pooling layers take &quot;valid&quot; or an explicit amount, not &quot;same&quot;</source>
        <translation>las capas de pooling admiten &quot;valid&quot; o una cantidad explícita, no &quot;same&quot;</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>must be at most half the pool size %1; got %2</source>
        <translation>debe ser como máximo la mitad del tamaño de pooling %1; se obtuvo %2</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>pool %1 is larger than its %2 input</source>
        <translation>la ventana de pooling %1 es mayor que su entrada de %2</translation>
    </message>
    <message>
        <location filename="../core/export/cwriter.cpp" line="-773"/>
        <location filename="../core/export/tensorexport.cpp" line="+279"/>
        <location filename="../core/spec/networkvalidator.cpp" line="+26"/>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <location filename="../core/spec/networkvalidator.cpp" line="+1"/>
        <source>%1: field &apos;%2&apos;: %3</source>
        <translation>%1: campo &apos;%2&apos;: %3</translation>
    </message>
    <message>
        <location filename="../core/spec/noisespec.cpp" line="+31"/>
        <source>%1 must be an object like {&quot;model&quot;: &quot;weight_noise&quot;, &quot;sigma&quot;: 0.01}</source>
        <translation>%1 debe ser un objeto como {&quot;model&quot;: &quot;weight_noise&quot;, &quot;sigma&quot;: 0.01}</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1: field &apos;model&apos; must name a nonideality</source>
        <translation>%1: el campo &apos;model&apos; debe nombrar una no idealidad</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>%1: field &apos;phase&apos; must be &quot;train&quot;, &quot;eval&quot; or &quot;both&quot;</source>
        <translation>%1: el campo &apos;phase&apos; debe ser &quot;train&quot;, &quot;eval&quot; o &quot;both&quot;</translation>
    </message>
    <message>
        <location filename="../core/spec/presetlibrary.cpp" line="+31"/>
        <source>unknown preset &apos;%1&apos; (known: %2)</source>
        <translation>preajuste desconocido &apos;%1&apos; (conocidos: %2)</translation>
    </message>
    <message>
        <location filename="../core/spec/specjson.cpp" line="+58"/>
        <source>a list</source>
        <translation>una lista</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>an object</source>
        <translation>un objeto</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>nothing</source>
        <translation>(nada)</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>field &apos;%1&apos; %2; got %3</source>
        <translation>el campo &apos;%1&apos; %2; se obtuvo %3</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>unknown field &apos;%1&apos; (known: %2)</source>
        <translation>campo desconocido &apos;%1&apos; (conocidos: %2)</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>missing field &apos;%1&apos;</source>
        <translation>falta el campo &apos;%1&apos;</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>must be a string</source>
        <translation>debe ser una cadena</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>must be true or false</source>
        <translation>debe ser true o false</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>must be a number</source>
        <translation>debe ser un número</translation>
    </message>
    <message>
        <location line="+10"/>
        <location line="+12"/>
        <location line="+6"/>
        <source>must be an integer</source>
        <translation>debe ser un entero</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>field &apos;%1&apos; must be an integer or a list of two integers [height, width]; got %2</source>
        <translation>el campo &apos;%1&apos; debe ser un entero o una lista de dos enteros [alto, ancho]; se obtuvo %2</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>not a QuantBench %1: field &apos;format&apos; is %2, expected &quot;%3&quot;</source>
        <translation>no es un %1 de QuantBench: el campo &apos;format&apos; es %2; se esperaba &quot;%3&quot;</translation>
    </message>
    <message>
        <location line="+9"/>
        <location filename="../core/spec/trainspec.cpp" line="+98"/>
        <location line="+2"/>
        <source>must be at least 1</source>
        <translation>debe ser al menos 1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>this %1 has format version %2, newer than this QuantBench reads (up to %3): update QuantBench to open it</source>
        <translation>este %1 tiene la versión de formato %2, más reciente que las que lee esta versión de QuantBench (hasta la %3): actualizar QuantBench para abrirlo</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>%1: no such file</source>
        <translation>%1: el archivo no existe</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1: is a folder, not a file</source>
        <translation>%1: es una carpeta, no un archivo</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1: cannot open the file: %2</source>
        <translation>%1: no se puede abrir el archivo: %2</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1: cannot read the file: %2</source>
        <translation>%1: no se puede leer el archivo: %2</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1: the file is empty</source>
        <translation>%1: el archivo está vacío</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>%1: not valid JSON: %2 at line %3, column %4 (offset %5)</source>
        <translation>%1: JSON no válido: %2 en la línea %3, columna %4 (desplazamiento %5)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1: expected a JSON object at the top level, found a list</source>
        <translation>%1: se esperaba un objeto JSON en el nivel superior, pero se encontró una lista</translation>
    </message>
    <message>
        <location line="+10"/>
        <location line="+3"/>
        <source>%1: cannot write the file: %2</source>
        <translation>%1: no se puede escribir el archivo: %2</translation>
    </message>
    <message>
        <location filename="../core/spec/trainspec.cpp" line="-56"/>
        <source>train</source>
        <translation>entrenamiento</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>must be &quot;adam&quot; or &quot;sgd&quot;</source>
        <translation>debe ser &quot;adam&quot; o &quot;sgd&quot;</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>must be &quot;minus_one_one&quot; or &quot;zero_one&quot;</source>
        <translation>debe ser &quot;minus_one_one&quot; o &quot;zero_one&quot;</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>train: field &apos;%1&apos; %2</source>
        <translation>entrenamiento: el campo &apos;%1&apos; %2</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>must be greater than 0</source>
        <translation>debe ser mayor que 0</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>must be at least 0 and less than 1</source>
        <translation>debe ser al menos 0 y menor que 1</translation>
    </message>
    <message>
        <location filename="../core/spec/networkvalidator.cpp" line="-288"/>
        <location filename="../core/spec/trainspec.cpp" line="+2"/>
        <source>must not be negative</source>
        <translation>no debe ser negativo</translation>
    </message>
    <message>
        <location filename="../core/spec/trainspec.cpp" line="+2"/>
        <source>must not be negative (0 turns it off)</source>
        <translation>no debe ser negativo (0 lo desactiva)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>must not be negative (0 uses all cores)</source>
        <translation>no debe ser negativo (0 usa todos los núcleos de la CPU)</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+2"/>
        <source>must not be negative (0 uses the whole split)</source>
        <translation>no debe ser negativo (0 usa la partición completa)</translation>
    </message>
    <message>
        <location filename="../core/train/noisesweep.cpp" line="+71"/>
        <location filename="../core/train/ptqsweep.cpp" line="+29"/>
        <source>cancelled; nothing was stored</source>
        <translation>cancelado; no se guardó nada</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>the number of chips must be at least 1</source>
        <translation>el número de chips debe ser al menos 1</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>unknown sweep parameter &apos;%1&apos; (known: %2)</source>
        <translation>parámetro de barrido desconocido &apos;%1&apos; (conocidos: %2)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>no values to sweep</source>
        <translation>no hay valores que barrer</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>%1 = %2: %3</source>
        <translation>%1 = %2: %3</translation>
    </message>
    <message>
        <location filename="../core/train/ptqsweep.cpp" line="+9"/>
        <source>no fraction bits to sweep</source>
        <translation>no hay bits fraccionarios que barrer</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>nothing to quantize: enable weights and/or activations</source>
        <translation>no hay nada que cuantizar: habilitar los pesos, las activaciones o ambos</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>fraction bits %1 do not fit a signed word of %2 bits (need 0 &lt;= frac &lt; word &lt;= 32)</source>
        <translation>los bits fraccionarios (%1) no caben en una palabra con signo de %2 bits (se requiere 0 &lt;= frac &lt; word &lt;= 32)</translation>
    </message>
    <message>
        <location filename="../core/train/trainedmodel.cpp" line="+57"/>
        <source>run %1: its stored experiment cannot be read: %2</source>
        <translation>ejecución %1: no se puede leer su experimento almacenado: %2</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>run %1 (%2) has no saved weights: only runs that finished at least one epoch have them</source>
        <translation>la ejecución %1 (%2) no tiene pesos guardados: solo los tienen las ejecuciones que completaron al menos una época</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>run %1: weights file %2 is missing</source>
        <translation>ejecución %1: falta el archivo de pesos %2</translation>
    </message>
    <message>
        <location line="+44"/>
        <location line="+36"/>
        <location line="+53"/>
        <source>evaluation failed: %1</source>
        <translation>falló la evaluación: %1</translation>
    </message>
    <message>
        <location line="-69"/>
        <source>prediction failed: %1</source>
        <translation>falló la predicción: %1</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>the trained network cannot be read: %1</source>
        <translation>no se puede leer la red entrenada: %1</translation>
    </message>
    <message>
        <location line="+81"/>
        <source>network &apos;%1&apos; has no spiking layer</source>
        <translation>la red &apos;%1&apos; no tiene ninguna capa de impulsos</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>there is no image %1: the split has %2</source>
        <translation>no hay imagen %1: la partición tiene %2</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>recording the spikes failed: %1</source>
        <translation>no se pudieron registrar los impulsos: %1</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>network &apos;%1&apos; has no spiking layer: it has no spike activity to measure</source>
        <translation>la red &apos;%1&apos; no tiene ninguna capa de impulsos: no tiene actividad de impulsos que medir</translation>
    </message>
    <message>
        <location line="+72"/>
        <source>measuring the spike activity failed: %1</source>
        <translation>no se pudo medir la actividad de impulsos: %1</translation>
    </message>
    <message>
        <location filename="../core/train/trainer.cpp" line="+89"/>
        <source>dataset &apos;%1&apos; holds event recordings: train it with a spiking network whose encoding is &quot;events&quot; (e.g. the preset snn-nmnist)</source>
        <translation>el conjunto de datos &apos;%1&apos; contiene grabaciones de eventos: entrénelo con una red de impulsos cuya codificación sea &quot;events&quot; (por ejemplo, el preajuste snn-nmnist)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>network &apos;%1&apos; takes event frames (encoding &quot;events&quot;) but dataset &apos;%2&apos; holds images: choose an event dataset such as nmnist, or another encoding</source>
        <translation>la red &apos;%1&apos; recibe fotogramas de eventos (codificación &quot;events&quot;) pero el conjunto de datos &apos;%2&apos; contiene imágenes: elija un conjunto de eventos como nmnist, u otra codificación</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>network &apos;%1&apos; expects inputs of %2 but dataset &apos;%3&apos; has images of %4</source>
        <translation>la red &apos;%1&apos; espera entradas de %2, pero el conjunto de datos &apos;%3&apos; tiene imágenes de %4</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>could not build the network: %1</source>
        <translation>no se pudo construir la red: %1</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>training failed: %1</source>
        <translation>falló el entrenamiento: %1</translation>
    </message>
    <message>
        <location line="+109"/>
        <source>no trained network to save</source>
        <translation>no hay ninguna red entrenada que guardar</translation>
    </message>
    <message>
        <location filename="../widgets/networkfileactions.cpp" line="+18"/>
        <source>QuantBench networks (*.json);;All files (*)</source>
        <translation>Redes de QuantBench (*.json);;Todos los archivos (*)</translation>
    </message>
    <message>
        <location filename="../core/bench/benchmark.cpp" line="+354"/>
        <source>measuring the float GEMM and convolution ceiling</source>
        <translation>midiendo el techo de GEMM y convolución en punto flotante</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>training %1 at batch %2 (%3 batches)</source>
        <translation>entrenando %1 con lote %2 (%3 lotes)</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>training %1 at batch 128 (%2 batches)</source>
        <translation>entrenando %1 con lotes de 128 (%2 lotes)</translation>
    </message>
    <message numerus="yes">
        <location line="+6"/>
        <source>evaluating larq-mnist-bnn on %n test image(s), float and bit-packed</source>
        <translation>
            <numerusform>evaluando larq-mnist-bnn con %n imagen de prueba, en punto flotante y empaquetada en bits</numerusform>
            <numerusform>evaluando larq-mnist-bnn con %n imágenes de prueba, en punto flotante y empaquetadas en bits</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>larq-mnist-bnn after the %n timed batch(es) of the batch-64 training measurement (plus warm-up)</source>
        <translation>
            <numerusform>larq-mnist-bnn tras el lote cronometrado de la medición de entrenamiento con lote 64 (más el calentamiento)</numerusform>
            <numerusform>larq-mnist-bnn tras los %n lotes cronometrados de la medición de entrenamiento con lote 64 (más el calentamiento)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>Monte-Carlo evaluation on %n simulated chip(s)</source>
        <translation>
            <numerusform>evaluación Monte Carlo en %n chip simulado</numerusform>
            <numerusform>evaluación Monte Carlo en %n chips simulados</numerusform>
        </translation>
    </message>
    <message>
        <location line="+5"/>
        <source>benchmark failed: %1</source>
        <translation>la prueba de rendimiento falló: %1</translation>
    </message>
    <message>
        <location filename="../core/export/atomicfile.cpp" line="+20"/>
        <location line="+16"/>
        <location filename="../core/export/ptwriter_torch.cpp" line="+63"/>
        <location filename="../core/export/tensorexport.cpp" line="-207"/>
        <source>cannot write %1: %2</source>
        <translation>no se puede escribir %1: %2</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>it is a folder</source>
        <translation>es una carpeta</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the folder %1 cannot be created</source>
        <translation>no se puede crear la carpeta %1</translation>
    </message>
    <message>
        <location line="+122"/>
        <source>the finished file cannot be renamed into place</source>
        <translation>no se puede renombrar el archivo terminado a su ubicación final</translation>
    </message>
    <message>
        <location filename="../core/export/onnxwriter.cpp" line="-150"/>
        <source>with stochastic_eval it draws a random +-1 in every evaluation pass (+1 with probability clip((x + 1) / 2, 0, 1))</source>
        <translation>con stochastic_eval muestrea un +-1 aleatorio en cada pasada de evaluación (+1 con probabilidad clip((x + 1) / 2, 0, 1))</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>in weights mode it divides by the largest |tanh(x)| of the whole batch, so a sample&apos;s value depends on the other samples</source>
        <translation>en el modo weights divide por el mayor |tanh(x)| de todo el lote, así que el valor de una muestra depende de las demás muestras</translation>
    </message>
    <message>
        <location line="+14"/>
        <location line="+33"/>
        <source>stochastic rounding draws at random in every evaluation pass</source>
        <translation>el redondeo estocástico muestrea al azar en cada pasada de evaluación</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>its learned step size is missing from the snapshot</source>
        <translation>falta su tamaño de paso aprendido en la instantánea</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>its learned step size is not finite</source>
        <translation>su tamaño de paso aprendido no es finito</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>it is a kernel quantizer whose scale is computed over the whole tensor</source>
        <translation>es un cuantizador de pesos cuya escala se calcula sobre todo el tensor</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>QuantBench does not know this quantizer</source>
        <translation>QuantBench no conoce este cuantizador</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>with stochastic_eval it draws new +-1 weights in every evaluation pass</source>
        <translation>con stochastic_eval muestrea nuevos pesos +-1 en cada pasada de evaluación</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>stochastic rounding draws new weights in every evaluation pass</source>
        <translation>el redondeo estocástico muestrea nuevos pesos en cada pasada de evaluación</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>the model has no layers</source>
        <translation>el modelo no tiene capas</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>the model&apos;s input shape is unknown</source>
        <translation>la forma de entrada del modelo es desconocida</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>QuantBench run %1 &apos;%2&apos; (%3, dataset %4): the evaluation forward pass with effective weights; nonidealities are not exported.</source>
        <translation>Ejecución %1 &apos;%2&apos; de QuantBench (%3, conjunto de datos %4): la pasada hacia adelante de evaluación con los pesos efectivos; las no idealidades no se exportan.</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>raw feature values, one row per sample</source>
        <translation>valores de características sin procesar, una fila por muestra</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>stored pixel values 0..255, NCHW</source>
        <translation>valores de píxel almacenados 0..255, NCHW</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>the network takes %1 raw features but the snapshot holds %2 means and %3 scales to standardize them (take the snapshot with its dataset)</source>
        <translation>la red recibe %1 características sin procesar, pero la instantánea contiene %2 medias y %3 escalas para estandarizarlas (tomar la instantánea con su conjunto de datos)</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>it receives %1 values per sample but the layers before give %2</source>
        <translation>recibe %1 valores por muestra, pero las capas anteriores dan %2</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>spiking layers run over time steps, which this ONNX export does not express</source>
        <translation>las capas de impulsos funcionan a lo largo de pasos de tiempo, que esta exportación ONNX no expresa</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>the kernel quantizer &apos;%1&apos; cannot be expressed in ONNX: %2</source>
        <translation>el cuantizador de pesos &apos;%1&apos; no se puede expresar en ONNX: %2</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>the input quantizer &apos;%1&apos; cannot be expressed in ONNX: %2</source>
        <translation>el cuantizador de entrada &apos;%1&apos; no se puede expresar en ONNX: %2</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>its weights (%1 values of shape %2) do not fit a %3 layer</source>
        <translation>sus pesos (%1 valores de forma %2) no encajan en una capa %3</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>its weights of shape %1 do not fit its input %2</source>
        <translation>sus pesos de forma %1 no encajan con su entrada %2</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>it has %1 bias values for %2 outputs</source>
        <translation>tiene %1 valores de sesgo para %2 salidas</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>its effective weights are not all finite</source>
        <translation>no todos sus pesos efectivos son finitos</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>its statistics do not have one value per channel (%1)</source>
        <translation>sus estadísticas no tienen un valor por canal (%1)</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>pooling needs feature maps; its input is %1</source>
        <translation>el pooling necesita mapas de características; su entrada es %1</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>its geometry gives %1 per sample but the snapshot says %2</source>
        <translation>su geometría da %1 por muestra, pero la instantánea indica %2</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>the network ends in %1 values per sample, not one per class (%2)</source>
        <translation>la red termina en %1 valores por muestra, no en uno por clase (%2)</translation>
    </message>
    <message>
        <location line="+58"/>
        <source>the ONNX model failed ONNX&apos;s checks: %1</source>
        <translation>el modelo ONNX no superó las comprobaciones de ONNX: %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>the ONNX model could not be serialized</source>
        <translation>no se pudo serializar el modelo ONNX</translation>
    </message>
    <message>
        <location filename="../core/export/ptwriter_torch.cpp" line="-9"/>
        <source>LibTorch could not write the dict: %1</source>
        <translation>LibTorch no pudo escribir el diccionario: %1</translation>
    </message>
    <message>
        <location filename="../core/export/tensorexport.cpp" line="-222"/>
        <source>layer %1 (%2): %3</source>
        <translation>capa %1 (%2): %3</translation>
    </message>
    <message>
        <location line="+116"/>
        <source>weight shape has %1 dimensions, expected %2</source>
        <translation>la forma de los pesos tiene %1 dimensiones, se esperaban %2</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1 effective weights for a shape of %2</source>
        <translation>%1 pesos efectivos para una forma de %2</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>integer codes do not fit the weight shape</source>
        <translation>los códigos enteros no encajan en la forma de los pesos</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>%1 latent weights for a shape of %2</source>
        <translation>%1 pesos latentes para una forma de %2</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>gamma, beta, running mean and variance differ in length</source>
        <translation>gamma, beta, la media móvil y la varianza tienen longitudes distintas</translation>
    </message>
    <message>
        <location line="+220"/>
        <source>cannot create the zip buffer: %1</source>
        <translation>no se puede crear el búfer zip: %1</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>cannot create the zip archive: %1</source>
        <translation>no se puede crear el archivo zip: %1</translation>
    </message>
    <message>
        <location line="+25"/>
        <location line="+5"/>
        <location line="+6"/>
        <source>cannot add %1 to the zip archive</source>
        <translation>no se puede añadir %1 al archivo zip</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>cannot finish the zip archive</source>
        <translation>no se puede terminar el archivo zip</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>cannot read back the finished zip archive</source>
        <translation>no se puede volver a leer el archivo zip terminado</translation>
    </message>
    <message>
        <location filename="../core/train/runexporter.cpp" line="+25"/>
        <source>ONNX model (effective weights, input scaling in the graph)</source>
        <translation>Modelo ONNX (pesos efectivos, escalado de la entrada en el grafo)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>safetensors weights (int8 for binary and ternary layers)</source>
        <translation>Pesos safetensors (int8 para las capas binarias y ternarias)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>NumPy weights (.npz)</source>
        <translation>Pesos NumPy (.npz)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>PyTorch tensors (.pt, for examples/load_in_pytorch.py)</source>
        <translation>Tensores PyTorch (.pt, para examples/load_in_pytorch.py)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>C99 library (bit-packed binary layers, no dependencies)</source>
        <translation>Biblioteca C99 (capas binarias empaquetadas en bits, sin dependencias)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Run bundle (.qbrun, to import into another history)</source>
        <translation>Paquete de ejecución (.qbrun, para importar en otro historial)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lab report (PDF)</source>
        <translation>Informe de laboratorio (PDF)</translation>
    </message>
    <message>
        <location line="+66"/>
        <source>no output path given</source>
        <translation>no se indicó ninguna ruta de salida</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reading run %1</source>
        <translation>Leyendo la ejecución %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+17"/>
        <location line="+40"/>
        <location line="+8"/>
        <location line="+8"/>
        <source>cancelled</source>
        <translation>cancelada</translation>
    </message>
    <message>
        <location line="-57"/>
        <source>Reading the dataset %1</source>
        <translation>Leyendo el conjunto de datos %1</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>run %1 was trained on the table %2, whose standardization the ONNX graph needs: %3</source>
        <translation>la ejecución %1 se entrenó con la tabla %2, cuya estandarización necesita el grafo ONNX: %3</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>The run&apos;s nonidealities are simulation and were not exported: the exported model computes with the ideal effective weights.</source>
        <translation>Las no idealidades de la ejecución son una simulación y no se exportaron: el modelo exportado calcula con los pesos efectivos ideales.</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Evaluating the test split for the confusion matrix</source>
        <translation>Evaluando la partición de prueba para la matriz de confusión</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>No confusion matrix: %1</source>
        <translation>Sin matriz de confusión: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+8"/>
        <source>Writing %1</source>
        <translation>Escribiendo %1</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>Done</source>
        <translation>Terminado</translation>
    </message>
    <message>
        <location filename="../widgets/transfer/exportrundialog.cpp" line="+33"/>
        <source>Input &apos;image&apos; takes the stored pixel values (0–255); the input scaling, the sign convention sign(0) = +1 and batch norm are in the graph. Nonidealities are not exported.</source>
        <translation>La entrada &apos;image&apos; recibe los valores de píxel almacenados (0–255); el escalado de la entrada, la convención de signo sign(0) = +1 y la normalización por lotes están en el grafo. Las no idealidades no se exportan.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Effective weights as used in the forward pass: int8 for binary and ternary layers (with a scale where the quantizer has one), batch norm statistics, the network in the metadata.</source>
        <translation>Pesos efectivos tal como se usan en la pasada hacia adelante: int8 para las capas binarias y ternarias (con una escala cuando el cuantizador la tiene), las estadísticas de la normalización por lotes y la red en los metadatos.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>PREFIX.h, PREFIX.c and PREFIX_main.c in the chosen folder: C99 without malloc, binarized layers bit-packed (XNOR/popcount), same logits as QuantBench.</source>
        <translation>PREFIX.h, PREFIX.c y PREFIX_main.c en la carpeta elegida: C99 sin malloc, capas binarizadas empaquetadas en bits (XNOR/popcount), los mismos logits que QuantBench.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>One file with the run&apos;s settings, epochs, weights, curves, confusion matrix and sweeps. File ▸ Import run… in another history recreates the run.</source>
        <translation>Un archivo con los ajustes, las épocas, los pesos, las curvas, la matriz de confusión y los barridos de la ejecución. Archivo ▸ Importar ejecución… en otro historial vuelve a crear la ejecución.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A PDF to hand in: network, model summary, curves, confusion matrix, sweeps and settings.</source>
        <translation>Un PDF para entregar: red, resumen del modelo, curvas, matriz de confusión, barridos y ajustes.</translation>
    </message>
    <message>
        <location filename="../core/spec/spikingspec.cpp" line="+74"/>
        <source>%1 must be an object such as {&quot;time_steps&quot;: 25, &quot;encoding&quot;: &quot;direct&quot;}; got %2</source>
        <translation>%1 debe ser un objeto como {&quot;time_steps&quot;: 25, &quot;encoding&quot;: &quot;direct&quot;}; es %2</translation>
    </message>
    <message>
        <location line="+88"/>
        <source>must be null or an object such as {&quot;bits&quot;: 8}</source>
        <translation>debe ser null o un objeto como {&quot;bits&quot;: 8}</translation>
    </message>
</context>
<context>
    <name>qb</name>
    <message>
        <location filename="../core/grid/gridspec.cpp" line="+33"/>
        <source>--vary %1: an empty value in &apos;%2&apos;</source>
        <translation>--vary %1: un valor vacío en &apos;%2&apos;</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>--vary %1: &apos;%2&apos; is not a range from a smaller to a larger integer (at most 10,000 values)</source>
        <translation>--vary %1: &apos;%2&apos; no es un intervalo de un entero menor a uno mayor (10.000 valores como máximo)</translation>
    </message>
    <message>
        <location filename="../core/grid/gridworkspace.cpp" line="+24"/>
        <source>cannot read %1: %2</source>
        <translation>no se puede leer %1: %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 is too large (%2 bytes) for a grid file</source>
        <translation>%1 es demasiado grande (%2 bytes) para un archivo de rejilla</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 is not a JSON object: %2</source>
        <translation>%1 no es un objeto JSON: %2</translation>
    </message>
    <message>
        <location filename="../core/grid/slurmgrid.cpp" line="+39"/>
        <source>grid %1 has no trials left to run</source>
        <translation>a la rejilla %1 no le quedan ensayos por ejecutar</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Slurm&apos;s sbatch is not on PATH: run the grid with --executor local, or on a machine of the cluster</source>
        <translation>sbatch de Slurm no está en el PATH: ejecute la rejilla con --executor local, o en una máquina del clúster</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>cannot create %1</source>
        <translation>no se puede crear %1</translation>
    </message>
    <message>
        <location filename="../core/train/gridrunner.cpp" line="+42"/>
        <source>grid %1 in the history: %2</source>
        <translation>rejilla %1 del historial: %2</translation>
    </message>
    <message>
        <location line="+147"/>
        <source>trial %1 does not exist: the grid&apos;s trials are 0 to %2</source>
        <translation>el ensayo %1 no existe: los ensayos de la rejilla van de 0 a %2</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>grid %1, trial %2: %3</source>
        <translation>rejilla %1, ensayo %2: %3</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>cannot create a temporary folder in %1</source>
        <translation>no se puede crear una carpeta temporal en %1</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>grid %1, trial %2: cancelled</source>
        <translation>rejilla %1, ensayo %2: cancelado</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>the run ended %1</source>
        <translation>la ejecución terminó %1</translation>
    </message>
</context>
<context>
    <name>qb::AnalysisActions</name>
    <message>
        <location filename="../widgets/analysis/analysisactions.cpp" line="+27"/>
        <source>Evaluate on &amp;chips…</source>
        <translation>Evaluar en &amp;chips…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Noise sweep…</source>
        <translation>Barrido de &amp;ruido…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Fixed-point sweep…</source>
        <translation>Barrido de punto &amp;fijo…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cancel &amp;analysis</source>
        <translation>Cancelar &amp;análisis</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Stop the running evaluation or sweep after the current point; nothing is stored</source>
        <translation>Detener la evaluación o el barrido en curso tras el punto actual; no se guarda nada</translation>
    </message>
    <message>
        <location line="+53"/>
        <source>%1 is running: one analysis at a time.</source>
        <translation>%1 está en curso: un solo análisis a la vez.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Available when training has finished: training and evaluation draw from the same random generator, so running them together would change the numbers of both.</source>
        <translation>Disponible cuando termine el entrenamiento: el entrenamiento y la evaluación usan el mismo generador aleatorio, así que ejecutarlos a la vez cambiaría los resultados de ambos.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Select a finished run in the History first.</source>
        <translation>Seleccionar primero una ejecución terminada en el Historial.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The selected run has not finished; select a finished run in the History.</source>
        <translation>La ejecución seleccionada no ha terminado; seleccionar una ejecución terminada en el Historial.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Evaluate run %1 on simulated chips (Monte Carlo) and store the result</source>
        <translation>Evaluar la ejecución %1 en chips simulados (Monte Carlo) y guardar el resultado</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sweep a nonideality parameter over run %1 on simulated chips and store the result</source>
        <translation>Barrer un parámetro de no idealidad sobre la ejecución %1 en chips simulados y guardar el resultado</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sweep the fraction bits of a fixed-point rounding of run %1 and store the result</source>
        <translation>Barrer los bits fraccionarios de un redondeo en punto fijo de la ejecución %1 y guardar el resultado</translation>
    </message>
    <message>
        <location line="+58"/>
        <source>%1: cancelling after the current point…</source>
        <translation>%1: cancelando tras el punto actual…</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1: loading the run and its data…</source>
        <translation>%1: cargando la ejecución y sus datos…</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>%1: point %2 of %3…</source>
        <translation>%1: punto %2 de %3…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1: storing the result…</source>
        <translation>%1: guardando el resultado…</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Monte-Carlo evaluation of run %1 stored: %2, mean accuracy %3 %.</source>
        <translation>Evaluación Monte Carlo de la ejecución %1 guardada: %2, exactitud media %3 %.</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <location line="+6"/>
        <source>%n chip(s)</source>
        <translation>
            <numerusform>%n chip</numerusform>
            <numerusform>%n chips</numerusform>
        </translation>
    </message>
    <message>
        <location line="-2"/>
        <source>Noise sweep of run %1 stored: %2, %3 each.</source>
        <translation>Barrido de ruido de la ejecución %1 guardado: %2, %3 cada uno.</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <location line="+3"/>
        <source>%n point(s)</source>
        <translation>
            <numerusform>%n punto</numerusform>
            <numerusform>%n puntos</numerusform>
        </translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Fixed-point sweep of run %1 stored: %2.</source>
        <translation>Barrido de punto fijo de la ejecución %1 guardado: %2.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>%1 cancelled; nothing was stored.</source>
        <translation>%1: se canceló; no se guardó nada.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1 failed: %2</source>
        <translation>%1 falló: %2</translation>
    </message>
</context>
<context>
    <name>qb::AnalysisController</name>
    <message>
        <location filename="../widgets/analysis/analysiscontroller.cpp" line="+32"/>
        <source>Monte-Carlo evaluation of run %1</source>
        <translation>Evaluación Monte Carlo de la ejecución %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Noise sweep of run %1</source>
        <translation>Barrido de ruido de la ejecución %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Fixed-point sweep of run %1</source>
        <translation>Barrido de punto fijo de la ejecución %1</translation>
    </message>
</context>
<context>
    <name>qb::AnalysisDialog</name>
    <message>
        <location filename="../widgets/analysis/analysisdialog.cpp" line="+36"/>
        <source>&amp;Start</source>
        <translation>I&amp;niciar</translation>
    </message>
</context>
<context>
    <name>qb::AnalysisWorker</name>
    <message>
        <location filename="../widgets/analysis/analysisworker.cpp" line="+54"/>
        <source>unknown error</source>
        <translation>error desconocido</translation>
    </message>
</context>
<context>
    <name>qb::BatchApplyDialog</name>
    <message>
        <location filename="../widgets/inspector/batchapplydialog.cpp" line="+47"/>
        <source>Binarize all hidden layers</source>
        <translation>Binarizar todas las capas ocultas</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add weight noise to all conv/dense layers</source>
        <translation>Añadir ruido en los pesos a todas las capas conv/dense</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove all quantizers and nonidealities</source>
        <translation>Quitar todos los cuantizadores y no idealidades</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Apply to All Layers</source>
        <translation>Aplicar a todas las capas</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Every conv/dense layer gets binary (ste_sign) weights clipped to [-1, 1] and binary inputs, as in Larq&apos;s BNNs. The first layer keeps full-precision inputs (the image).</source>
        <translation>Cada capa conv/dense recibe pesos binarios (ste_sign) recortados a [-1, 1] y entradas binarias, como en las BNN de Larq. La primera capa conserva las entradas de precisión completa (la imagen).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Every conv/dense layer gets additive Gaussian weight noise, drawn on every forward pass in training and evaluation: W + N(0, (sigma * max|W|)^2). A layer that already has weight noise gets the new sigma.</source>
        <translation>Cada capa conv/dense recibe ruido gaussiano aditivo en los pesos, muestreado en cada pasada hacia adelante durante el entrenamiento y la evaluación: W + N(0, (sigma * max|W|)^2). Una capa que ya tiene ruido en los pesos recibe la nueva sigma.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Every conv/dense layer loses its quantizers, weight clip and nonidealities: the float baseline twin with the same structure (its name gets the suffix &quot;(float baseline)&quot;).</source>
        <translation>Cada capa conv/dense pierde sus cuantizadores, su recorte de pesos y sus no idealidades: el gemelo de referencia en punto flotante con la misma estructura (su nombre recibe el sufijo &quot;(float baseline)&quot;).</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Standard deviation of the noise, relative to the largest weight magnitude of each layer (0.01 = 1 %).</source>
        <translation>Desviación estándar del ruido, relativa a la mayor magnitud de peso de cada capa (0.01 = 1 %).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>σ (sigma)</source>
        <translation>σ (sigma)</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Apply</source>
        <translation>Aplicar</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Apply one change to every layer; it is a single step to undo.</source>
        <translation>Aplicar un cambio a todas las capas; se deshace en un solo paso.</translation>
    </message>
    <message>
        <location line="+66"/>
        <source>This changes nothing in the current network.</source>
        <translation>Esto no cambia nada en la red actual.</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>This changes %n of the network&apos;s layers.</source>
        <translation>
            <numerusform>Esto cambia %n capa de la red.</numerusform>
            <numerusform>Esto cambia %n capas de la red.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Binarize hidden layers</source>
        <translation>Binarizar las capas ocultas</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Add weight noise σ = %1</source>
        <translation>Añadir ruido en los pesos σ = %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Remove quantizers and nonidealities</source>
        <translation>Quitar cuantizadores y no idealidades</translation>
    </message>
</context>
<context>
    <name>qb::ChipEvaluationDialog</name>
    <message>
        <location filename="../widgets/analysis/chipevaluationdialog.cpp" line="+11"/>
        <source>Evaluate on simulated chips</source>
        <translation>Evaluar en chips simulados</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Evaluates the trained run on simulated chips with the nonidealities of its own network (as quantbench-cli evaluate does) and stores the per-chip accuracies as a Monte-Carlo sweep of the run. The trained weights are not changed.</source>
        <translation>Evalúa la ejecución entrenada en chips simulados con las no idealidades de su propia red (como hace quantbench-cli evaluate) y guarda las exactitudes de cada chip como un barrido Monte Carlo de la ejecución. Los pesos entrenados no se modifican.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Simulated chips</source>
        <translation>Chips simulados</translation>
    </message>
</context>
<context>
    <name>qb::ChipOptionsForm</name>
    <message>
        <location filename="../widgets/analysis/chipoptionsform.cpp" line="+23"/>
        <source>Number of simulated chips evaluated at every point. Each chip draws its own fixed nonideality patterns (process variation, stuck-at faults, drift) and per-pass noise.</source>
        <translation>Número de chips simulados que se evalúan en cada punto. Cada chip muestrea sus propios patrones fijos de no idealidad (variación de proceso, fallos stuck-at, deriva) y su ruido por pasada.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Chips:</source>
        <translation>&amp;Chips:</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Seed of the chips: chip i of seed S is always the same chip.</source>
        <translation>Semilla de los chips: el chip i de la semilla S es siempre el mismo chip.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Seed:</source>
        <translation>&amp;Semilla:</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>all</source>
        <translation>todas</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Use only the first N test images (all: the whole test split).</source>
        <translation>Usar solo las primeras N imágenes de prueba (todas: todo el conjunto de prueba).</translation>
    </message>
    <message>
        <location line="-26"/>
        <source>&amp;Test images:</source>
        <translation>&amp;Imágenes de prueba:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Bit-packed evaluation of binarized layers</source>
        <translation>Evaluación &amp;empaquetada en bits de las capas binarizadas</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>XNOR-popcount kernels for layers whose inputs and weights are ±1: the same numbers, faster. Off: torch&apos;s float kernels everywhere, for comparison.</source>
        <translation>Núcleos XNOR-popcount para las capas cuyas entradas y pesos son ±1: los mismos resultados, más rápido. Desactivada: los núcleos en punto flotante de torch en todas partes, como comparación.</translation>
    </message>
</context>
<context>
    <name>qb::CifarReader</name>
    <message>
        <location filename="../core/data/cifarreader.cpp" line="+34"/>
        <source>%1: file not found</source>
        <translation>%1: archivo no encontrado</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1: is a folder, not a CIFAR-10 batch file</source>
        <translation>%1: es una carpeta, no un archivo de lote de CIFAR-10</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1: cannot read the file: %2</source>
        <translation>%1: no se puede leer el archivo: %2</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1: the file is empty</source>
        <translation>%1: el archivo está vacío</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1: size %2 bytes is not a multiple of the %3-byte CIFAR-10 record (1 label byte + 3x32x32 pixels); is this a CIFAR-10 binary batch (data_batch_N.bin)?</source>
        <translation>%1: el tamaño de %2 bytes no es múltiplo del registro de CIFAR-10 de %3 bytes (1 byte de etiqueta + 3x32x32 píxeles); ¿es un lote binario de CIFAR-10 (data_batch_N.bin)?</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>%1: too many records (%2)</source>
        <translation>%1: demasiados registros (%2)</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>%1: cannot read the file: read %2 of %3 bytes (%4)</source>
        <translation>%1: no se puede leer el archivo: se leyeron %2 de %3 bytes (%4)</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>%1: record %2 has label %3 (expected 0 to 9)</source>
        <translation>%1: el registro %2 tiene la etiqueta %3 (se esperaba de 0 a 9)</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>no CIFAR-10 batch files given</source>
        <translation>no se indicó ningún archivo de lote de CIFAR-10</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>%1: too many records in all the batches together</source>
        <translation>%1: demasiados registros en el total de los lotes</translation>
    </message>
</context>
<context>
    <name>qb::ComparisonView</name>
    <message>
        <location filename="../widgets/history/comparisonview.cpp" line="+26"/>
        <source>Accuracy vs size</source>
        <translation>Exactitud y tamaño</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Selected runs</source>
        <translation>Seleccionadas</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sweeps</source>
        <translation>Barridos</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Grids</source>
        <translation>Rejillas</translation>
    </message>
    <message>
        <location line="+86"/>
        <source>(select runs to compare their sweeps)</source>
        <translation>(seleccionar ejecuciones para comparar sus barridos)</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>#%1 %2</source>
        <translation>#%1 %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>#%1</source>
        <translation>#%1</translation>
    </message>
</context>
<context>
    <name>qb::ConfusionExport</name>
    <message numerus="yes">
        <location filename="../widgets/history/confusionexport.cpp" line="+90"/>
        <source>Run %1 on %2: %3 % of %n test sample(s) right</source>
        <translation>
            <numerusform>Ejecución %1 en %2: %3 % de aciertos sobre %n muestra de prueba</numerusform>
            <numerusform>Ejecución %1 en %2: %3 % de aciertos sobre %n muestras de prueba</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>qb::ConfusionView</name>
    <message>
        <location filename="../widgets/history/confusionview.cpp" line="+35"/>
        <source>Select a finished run in the history to see its confusion matrix.</source>
        <translation>Seleccionar una ejecución terminada en el historial para ver su matriz de confusión.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Rows: true class; columns: predicted class</source>
        <translation>Filas: clase real; columnas: clase predicha</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Click a cell to see its images; click it again to see all.</source>
        <translation>Hacer clic en una celda para ver sus imágenes; otro clic para verlas todas.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Save the confusion matrix as a PNG picture or a CSV table</source>
        <translation>Guardar la matriz de confusión como imagen PNG o tabla CSV</translation>
    </message>
    <message>
        <location line="+93"/>
        <source>Evaluating run %1…</source>
        <translation>Evaluando la ejecución %1…</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>Cannot evaluate run %1: %2</source>
        <translation>No se puede evaluar la ejecución %1: %2</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>Run %1 on %2: %3 % of %n test sample(s) right.</source>
        <translation>
            <numerusform>Ejecución %1 en %2: %3 % de aciertos sobre %n muestra de prueba.</numerusform>
            <numerusform>Ejecución %1 en %2: %3 % de aciertos sobre %n muestras de prueba.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+34"/>
        <source>true %1, predicted %2: %3 (%4 % of %1)</source>
        <translation>real %1, predicha %2: %3 (%4 % de %1)</translation>
    </message>
    <message>
        <location line="+62"/>
        <source>Show all</source>
        <translation>Mostrar todas</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>%1 → %2</source>
        <translation>%1 → %2</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>test sample %1: true %2, predicted %3</source>
        <translation>muestra de prueba %1: real %2, predicha %3</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>No misclassified test images.</source>
        <translation>No hay imágenes de prueba mal clasificadas.</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n misclassified test image(s). Click a cell of the matrix to see only its images.</source>
        <translation>
            <numerusform>%n imagen de prueba mal clasificada. Hacer clic en una celda de la matriz para ver solo sus imágenes.</numerusform>
            <numerusform>%n imágenes de prueba mal clasificadas. Hacer clic en una celda de la matriz para ver solo sus imágenes.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>The first %1 of %n misclassified test image(s). Click a cell of the matrix to see only its images.</source>
        <translation>
            <numerusform>Las primeras %1 de %n imagen de prueba mal clasificada. Hacer clic en una celda de la matriz para ver solo sus imágenes.</numerusform>
            <numerusform>Las primeras %1 de %n imágenes de prueba mal clasificadas. Hacer clic en una celda de la matriz para ver solo sus imágenes.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+12"/>
        <source>%n test image(s) of %1 classified right (only misclassified images are shown).</source>
        <translation>
            <numerusform>%n imagen de prueba de %1 bien clasificada (solo se muestran las imágenes mal clasificadas).</numerusform>
            <numerusform>%n imágenes de prueba de %1 bien clasificadas (solo se muestran las imágenes mal clasificadas).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>True %1, predicted %2: %n image(s).</source>
        <translation>
            <numerusform>Real %1, predicha %2: %n imagen.</numerusform>
            <numerusform>Real %1, predicha %2: %n imágenes.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>True %1, predicted %2: the first %3 of %n image(s).</source>
        <translation>
            <numerusform>Real %1, predicha %2: las primeras %3 de %n imagen.</numerusform>
            <numerusform>Real %1, predicha %2: las primeras %3 de %n imágenes.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+14"/>
        <source>confusion-run-%1</source>
        <translation>confusion-ejecucion-%1</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+9"/>
        <source>Export confusion matrix</source>
        <translation>Exportar matriz de confusión</translation>
    </message>
    <message>
        <location line="-8"/>
        <source>PNG image (*.png);;CSV table (*.csv)</source>
        <translation>Imagen PNG (*.png);;Tabla CSV (*.csv)</translation>
    </message>
</context>
<context>
    <name>qb::CsvReader</name>
    <message>
        <location filename="../core/data/csvreader.cpp" line="+151"/>
        <source>line %1, column %2: the quoted field is never closed</source>
        <translation>línea %1, columna %2: el campo entre comillas nunca se cierra</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>line %1, column %2: unexpected text after the closing quote (a quote inside a quoted field is written &quot;&quot;)</source>
        <translation>línea %1, columna %2: texto inesperado tras las comillas de cierre (una comilla dentro de un campo entre comillas se escribe &quot;&quot;)</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>tab</source>
        <translation>tabulador</translation>
    </message>
    <message>
        <location line="+123"/>
        <source>label column %1 does not exist: line %2 has %3 columns</source>
        <translation>la columna de etiquetas %1 no existe: la línea %2 tiene %3 columnas</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>no column named &apos;%1&apos; in the header on line %2 (columns: %3)</source>
        <translation>no hay ninguna columna llamada &apos;%1&apos; en la cabecera de la línea %2 (columnas: %3)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>no column named &apos;%1&apos;: the file has no header line (line %2 holds numbers); give the label column&apos;s number instead</source>
        <translation>no hay ninguna columna llamada &apos;%1&apos;: el archivo no tiene línea de cabecera (la línea %2 contiene números); indicar en su lugar el número de la columna de etiquetas</translation>
    </message>
    <message>
        <location line="+101"/>
        <source>the test fraction must be between 0 and 1 (exclusive), not %1</source>
        <translation>la fracción de prueba debe estar entre 0 y 1 (ambos excluidos), no %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>file not found</source>
        <translation>archivo no encontrado</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>is a folder, not a CSV file</source>
        <translation>es una carpeta, no un archivo CSV</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the file is too large (%1 MiB; at most %2 MiB)</source>
        <translation>el archivo es demasiado grande (%1 MiB; como máximo %2 MiB)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>cannot read the file: %1</source>
        <translation>no se puede leer el archivo: %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>cannot read the file: read %1 of %2 bytes (%3)</source>
        <translation>no se puede leer el archivo: se leyeron %1 de %2 bytes (%3)</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>the file holds no data (it is empty, or only blank and comment lines)</source>
        <translation>el archivo no contiene datos (está vacío o solo tiene líneas en blanco y de comentario)</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>line %1 has a single column (separator: %2); feature columns and a label column are needed</source>
        <translation>la línea %1 tiene una sola columna (separador: %2); se necesitan columnas de características y una columna de etiquetas</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>column %1 (%2)</source>
        <translation>columna %1 (%2)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>column %1</source>
        <translation>columna %1</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>line %1 has %2 fields, but line %3 has %4</source>
        <translation>la línea %1 tiene %2 campos, pero la línea %3 tiene %4</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>too many rows</source>
        <translation>demasiadas filas</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>line %1, %2: the label is empty</source>
        <translation>línea %1, %2: la etiqueta está vacía</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>line %1, %2: empty cell where a number is expected (missing values are not supported)</source>
        <translation>línea %1, %2: celda vacía donde se espera un número (no se admiten valores faltantes)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>line %1, %2: &apos;%3&apos; is not a number</source>
        <translation>línea %1, %2: &apos;%3&apos; no es un número</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>%1 data rows; at least 2 are needed</source>
        <translation>%1 filas de datos; se necesitan al menos 2</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>the label column, %1, holds a single class (&apos;%2&apos;); at least 2 classes are needed</source>
        <translation>la columna de etiquetas, %1, contiene una sola clase (&apos;%2&apos;); se necesitan al menos 2 clases</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>the label column, %1, holds %2 distinct values; at most %3 classes are supported (is it the right column?)</source>
        <translation>la columna de etiquetas, %1, contiene %2 valores distintos; se admiten como máximo %3 clases (¿es la columna correcta?)</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>%1 rows are too few to split into train and test with a test fraction of %2 (every class has a single row)</source>
        <translation>%1 filas son muy pocas para dividirlas en entrenamiento y prueba con una fracción de prueba de %2 (cada clase tiene una sola fila)</translation>
    </message>
</context>
<context>
    <name>qb::CurvePlot</name>
    <message>
        <location filename="../widgets/training/curveplot.cpp" line="+102"/>
        <source>Smoothing:</source>
        <translation>Suavizado:</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Exponential moving average applied to the per-batch loss</source>
        <translation>Media móvil exponencial aplicada a la pérdida por lote</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Log loss axis</source>
        <translation>Eje de pérdida logarítmico</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Train curves of other runs</source>
        <translation>Curvas de entrenamiento de otras ejecuciones</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Also draw the train curves (solid) of the runs selected in the History, not only their test curves (dashed)</source>
        <translation>Dibujar también las curvas de entrenamiento (continuas) de las ejecuciones seleccionadas en el Historial, no solo sus curvas de prueba (discontinuas)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Reset zoom</source>
        <translation>Restablecer zoom</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Loss</source>
        <translation>Pérdida</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Epoch</source>
        <translation>Época</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Accuracy (%)</source>
        <translation>Exactitud (%)</translation>
    </message>
    <message>
        <location line="+49"/>
        <location line="+80"/>
        <source>Batch loss (smoothed)</source>
        <translation>Pérdida por lote (suavizada)</translation>
    </message>
    <message>
        <location line="-79"/>
        <source>Train loss</source>
        <translation>Pérdida de entrenamiento</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Test loss</source>
        <translation>Pérdida de prueba</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Train accuracy</source>
        <translation>Exactitud de entrenamiento</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Test accuracy</source>
        <translation>Exactitud de prueba</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>Run %1, seed %2 of %3</source>
        <translation>Ejecución %1, semilla %2 de %3</translation>
    </message>
    <message>
        <location line="+160"/>
        <source>run %1</source>
        <translation>ejecución %1</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>runs %1</source>
        <translation>ejecuciones %1</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+8"/>
        <source>, </source>
        <translation>, </translation>
    </message>
    <message>
        <location line="-5"/>
        <source>%1 (training)</source>
        <translation>%1 (entrenando)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 with %2 from the history</source>
        <translation>%1 con %2 del historial</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Runs %1</source>
        <translation>Ejecuciones %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No curves yet: press Train, or select runs in the History</source>
        <translation>Aún no hay curvas: pulsar Entrenar o seleccionar ejecuciones en el Historial</translation>
    </message>
    <message>
        <location line="+53"/>
        <source>Epoch %1</source>
        <translation>Época %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 %2 % (loss %3)</source>
        <translation>%1 %2 % (pérdida %3)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 %2 %</source>
        <translation>%1 %2 %</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 loss %2</source>
        <translation>%1 pérdida %2</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>train</source>
        <translation>entrenamiento</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>test</source>
        <translation>prueba</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <location line="+0"/>
        <source> · </source>
        <translation> · </translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Batch loss (smoothed): %1</source>
        <translation>Pérdida por lote (suavizada): %1</translation>
    </message>
    <message>
        <location line="-250"/>
        <location line="+106"/>
        <location line="+2"/>
        <location line="+57"/>
        <source>Run %1</source>
        <translation>Ejecución %1</translation>
    </message>
    <message>
        <location line="-114"/>
        <location line="+64"/>
        <source>%1: train</source>
        <translation>%1: entrenamiento</translation>
    </message>
    <message>
        <location line="-63"/>
        <location line="+67"/>
        <source>%1: test</source>
        <translation>%1: prueba</translation>
    </message>
    <message>
        <location line="-6"/>
        <source>%1: train loss</source>
        <translation>%1: pérdida de entrenamiento</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1: train accuracy</source>
        <translation>%1: exactitud de entrenamiento</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1: test loss</source>
        <translation>%1: pérdida de prueba</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1: test accuracy</source>
        <translation>%1: exactitud de prueba</translation>
    </message>
</context>
<context>
    <name>qb::DataManagerDialog</name>
    <message>
        <location filename="../widgets/training/datamanagerdialog.cpp" line="+154"/>
        <source>Datasets</source>
        <translation>Conjuntos de datos</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Dataset</source>
        <translation>Conjunto de datos</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Import folder…</source>
        <translation>Importar carpeta…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Check a folder that holds the dataset&apos;s files and copy them into %1</source>
        <translation>Comprobar una carpeta que contenga los archivos del conjunto de datos y copiarlos en %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Download</source>
        <translation>Descargar</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Stop download</source>
        <translation>Detener la descarga</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Refresh</source>
        <translation>Actualizar</translation>
    </message>
    <message>
        <location line="+46"/>
        <source>nmnist is ready in %1.</source>
        <translation>nmnist está listo en %1.</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>found in %1</source>
        <translation>encontrado en %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>not found (searched: %1)</source>
        <translation>no encontrado (se buscó en: %1)</translation>
    </message>
    <message>
        <location line="+130"/>
        <source>Only MNIST, CIFAR-10 and N-MNIST can be downloaded here; import the files from a folder instead.</source>
        <translation>Aquí solo se pueden descargar MNIST, CIFAR-10 y N-MNIST; importe los archivos desde una carpeta.</translation>
    </message>
    <message>
        <location line="-297"/>
        <location line="+11"/>
        <location line="+216"/>
        <location line="+17"/>
        <source>Could not create the folder %1.</source>
        <translation>No se pudo crear la carpeta %1.</translation>
    </message>
    <message>
        <location line="-226"/>
        <location line="+239"/>
        <source>Could not copy %1 to %2: %3</source>
        <translation>No se pudo copiar %1 en %2: %3</translation>
    </message>
    <message>
        <location line="-216"/>
        <source>Could not move %1 to %2.</source>
        <translation>No se pudo mover %1 a %2.</translation>
    </message>
    <message>
        <location line="+148"/>
        <source>%1 is missing; download again.</source>
        <translation>Falta %1; vuelva a descargarlo.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>%1 did not hold the %2/ folder N-MNIST&apos;s archive has (it held: %3). Extract it yourself and use &quot;Import folder…&quot; with the folder that holds Train/ and Test/.</source>
        <translation>%1 no contenía la carpeta %2/ que tiene el archivo de N-MNIST (contenía: %3). Extráigalo usted y use &quot;Importar carpeta…&quot; con la carpeta que contiene Train/ y Test/.</translation>
    </message>
    <message>
        <location line="+97"/>
        <source>Download %1 into %2</source>
        <translation>Descargar %1 en %2</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Folder with the %1 files</source>
        <translation>Carpeta con los archivos de %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Checking %1…</source>
        <translation>Comprobando %1…</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1 imported into %2.</source>
        <translation>%1 importado en %2.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Downloading %1 (%2 of %3)…</source>
        <translation>Descargando %1 (%2 de %3)…</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1 of %2</source>
        <translation>%1 de %2</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>%1 is ready in %2.</source>
        <translation>%1 está listo en %2.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Unpacking train.zip and test.zip (70,000 files)…</source>
        <translation>Descomprimiendo train.zip y test.zip (70.000 archivos)…</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Unpacking %1…</source>
        <translation>Descomprimiendo %1…</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Could not unpack %1 in %2: %3</source>
        <translation>No se pudo descomprimir %1 en %2: %3</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>cifar10 is ready in %1.</source>
        <translation>cifar10 está listo en %1.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Could not run tar to unpack %1 in %2.</source>
        <translation>No se pudo ejecutar tar para descomprimir %1 en %2.</translation>
    </message>
</context>
<context>
    <name>qb::DatasetDownloader</name>
    <message>
        <location filename="../widgets/training/datasetdownloader.cpp" line="+86"/>
        <source>Could not create the folder %1.</source>
        <translation>No se pudo crear la carpeta %1.</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Download stopped.</source>
        <translation>Descarga detenida.</translation>
    </message>
    <message>
        <location line="+76"/>
        <source>Could not read %1: %2</source>
        <translation>No se pudo leer %1: %2</translation>
    </message>
    <message>
        <location line="+15"/>
        <location line="+38"/>
        <source>Could not write %1: %2</source>
        <translation>No se pudo escribir %1: %2</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Download of %1 stopped; it resumes where it stopped next time.</source>
        <translation>Descarga de %1 detenida; la próxima vez continuará donde se detuvo.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Could not download %1 from %2: %3. Check the internet connection, or download the files elsewhere and use &quot;Import folder…&quot;.</source>
        <translation>No se pudo descargar %1 desde %2: %3. Comprobar la conexión a internet, o descargar los archivos en otro equipo y usar &quot;Importar carpeta…&quot;.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Checksum mismatch for %1: expected MD5 %2, got %3. The damaged download was deleted; try again.</source>
        <translation>La suma de comprobación de %1 no coincide: se esperaba el MD5 %2 y se obtuvo %3. Se eliminó la descarga dañada; volver a intentarlo.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Could not rename %1 to %2.</source>
        <translation>No se pudo renombrar %1 a %2.</translation>
    </message>
</context>
<context>
    <name>qb::DatasetLocator</name>
    <message>
        <location filename="../core/data/datasetlocator.cpp" line="+172"/>
        <source>unknown dataset &apos;%1&apos; (known: %2, or the path of a .csv file)</source>
        <translation>conjunto de datos desconocido &apos;%1&apos; (conocidos: %2, o la ruta de un archivo .csv)</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>dataset %1 is not a file</source>
        <translation>el conjunto de datos %1 no es un archivo</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the current folder</source>
        <translation>la carpeta actual</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the data folder %1</source>
        <translation>la carpeta de datos %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>dataset file %1 not found (a name ending in .csv is the path of a CSV file; a relative one is resolved against %2)</source>
        <translation>no se encontró el archivo de conjunto de datos %1 (un nombre terminado en .csv es la ruta de un archivo CSV; una ruta relativa se resuelve respecto a %2)</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Extract N-MNIST&apos;s train.zip and test.zip (they hold the folders Train/ and Test/, each with digit folders 0 to 9 of .bin files) into $QUANTBENCH_DATA/%1 or pass --data-dir with the folder that holds Train/ and Test/.</source>
        <translation>Extraiga train.zip y test.zip de N-MNIST (contienen las carpetas Train/ y Test/, cada una con las carpetas de dígitos 0 a 9 de archivos .bin) en $QUANTBENCH_DATA/%1 o indique con --data-dir la carpeta que contiene Train/ y Test/.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Copy data_batch_1.bin ... data_batch_5.bin and test_batch.bin (from the CIFAR-10 binary version, cifar-10-binary.tar.gz) into $QUANTBENCH_DATA/%1 or pass --data-dir with the folder that holds them.</source>
        <translation>Copiar data_batch_1.bin ... data_batch_5.bin y test_batch.bin (de la versión binaria de CIFAR-10, cifar-10-binary.tar.gz) en $QUANTBENCH_DATA/%1 o pasar --data-dir con la carpeta que los contiene.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Copy the four IDX files (train-images-idx3-ubyte, train-labels-idx1-ubyte, t10k-images-idx3-ubyte, t10k-labels-idx1-ubyte, plain or .gz) into $QUANTBENCH_DATA/%1 or pass --data-dir with the folder that holds them.</source>
        <translation>Copiar los cuatro archivos IDX (train-images-idx3-ubyte, train-labels-idx1-ubyte, t10k-images-idx3-ubyte, t10k-labels-idx1-ubyte, sin comprimir o .gz) en $QUANTBENCH_DATA/%1 o pasar --data-dir con la carpeta que los contiene.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>On Debian, the dataset-fashion-mnist package installs it in /usr/share/datasets/fashion-mnist.</source>
        <translation>En Debian, el paquete dataset-fashion-mnist lo instala en /usr/share/datasets/fashion-mnist.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>data folder %1 for %2 does not exist or is not a folder</source>
        <translation>la carpeta de datos %1 para %2 no existe o no es una carpeta</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>data folder %1 does not hold the %2 files; missing: %3</source>
        <translation>la carpeta de datos %1 no contiene los archivos de %2; faltan: %3</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>  %1 (no such folder)</source>
        <translation>  %1 (la carpeta no existe)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>  %1 (missing: %2)</source>
        <translation>  %1 (faltan: %2)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>dataset %1 not found. Looked in:
%2
%3</source>
        <translation>no se encontró el conjunto de datos %1. Se buscó en:
%2
%3</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>%1: train images are %2x%3x%4 but test images are %5x%6x%7</source>
        <translation>%1: las imágenes de entrenamiento son de %2x%3x%4, pero las de prueba son de %5x%6x%7</translation>
    </message>
</context>
<context>
    <name>qb::ExperimentStore</name>
    <message>
        <location filename="../core/store/experimentstore.cpp" line="+338"/>
        <source>Cannot %1: database %2 is locked by another process (gave up after %3 s).</source>
        <translation>No se puede %1: la base de datos %2 está bloqueada por otro proceso (se abandonó tras %3 s).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 is not a QuantBench history database (file is not a database).</source>
        <translation>%1 no es una base de datos de historial de QuantBench (el archivo no es una base de datos).</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Cannot %1: the disk that holds %2 is full.</source>
        <translation>No se puede %1: el disco que contiene %2 está lleno.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Cannot %1: %2 is read-only (%3).</source>
        <translation>No se puede %1: %2 es de solo lectura (%3).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Cannot %1 in %2: %3</source>
        <translation>No se puede %1 en %2: %3</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The history database %1 is damaged (%2). It was left untouched: restore a backup, or move it away to start a new history.</source>
        <translation>La base de datos de historial %1 está dañada (%2). No se ha modificado: restaurar una copia de seguridad o moverla a otro lugar para empezar un historial nuevo.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The experiment history is not open.</source>
        <translation>El historial de experimentos no está abierto.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Cannot %1: there is no run %2 in %3.</source>
        <translation>No se puede %1: no existe la ejecución %2 en %3.</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>read the schema version</source>
        <translation>leer la versión del esquema</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>No file was given for the experiment history.</source>
        <translation>No se indicó ningún archivo para el historial de experimentos.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 is a folder, not a QuantBench history database.</source>
        <translation>%1 es una carpeta, no una base de datos de historial de QuantBench.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Cannot create the folder %1 for the history database %2.</source>
        <translation>No se puede crear la carpeta %1 para la base de datos de historial %2.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Cannot open %1: the Qt SQLite driver (QSQLITE) is not available.</source>
        <translation>No se puede abrir %1: el controlador SQLite de Qt (QSQLITE) no está disponible.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Cannot open the history database %1: %2</source>
        <translation>No se puede abrir la base de datos de historial %1: %2</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>read the history database</source>
        <translation>leer la base de datos de historial</translation>
    </message>
    <message>
        <location line="+6"/>
        <location line="+9"/>
        <source>check the history database</source>
        <translation>comprobar la base de datos de historial</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>; and %1 more problems</source>
        <translation>; y %1 problemas más</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>integrity check: %1</source>
        <translation>comprobación de integridad: %1</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The history database %1 was created by a newer QuantBench (schema version %2; this version knows up to %3). It was left untouched.</source>
        <translation>La base de datos de historial %1 se creó con una versión más reciente de QuantBench (versión de esquema %2; esta versión admite hasta la %3). No se ha modificado.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 is not a QuantBench history database (it holds tables of another program).</source>
        <translation>%1 no es una base de datos de historial de QuantBench (contiene tablas de otro programa).</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>switch to the WAL journal</source>
        <translation>cambiar al modo de registro WAL</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>set the sync mode</source>
        <translation>establecer el modo de sincronización</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+3"/>
        <source>enable foreign keys</source>
        <translation>activar las claves foráneas</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Cannot open %1: this SQLite library does not enforce foreign keys.</source>
        <translation>No se puede abrir %1: esta biblioteca SQLite no aplica las claves foráneas.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>upgrade the history to schema version %1</source>
        <translation>actualizar el historial a la versión de esquema %1</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>The history database %1 was upgraded by a newer QuantBench while it was being opened (schema version %2).</source>
        <translation>La base de datos de historial %1 fue actualizada por una versión más reciente de QuantBench mientras se abría (versión de esquema %2).</translation>
    </message>
    <message>
        <location line="+89"/>
        <source>record a new run</source>
        <translation>registrar una nueva ejecución</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>record epoch %1 of run %2</source>
        <translation>registrar la época %1 de la ejecución %2</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Cannot %1 in %2: epochs are numbered from 1.</source>
        <translation>No se puede %1 en %2: las épocas se numeran a partir de 1.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Cannot %1 in %2: that epoch is already recorded.</source>
        <translation>No se puede %1 en %2: esa época ya está registrada.</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>finish run %1</source>
        <translation>finalizar la ejecución %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cannot %1 in %2: running is not a final status.</source>
        <translation>No se puede %1 en %2: &quot;en ejecución&quot; (running) no es un estado final.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>rename run %1</source>
        <translation>renombrar la ejecución %1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>save the notes of run %1</source>
        <translation>guardar las notas de la ejecución %1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>save the tags of run %1</source>
        <translation>guardar las etiquetas de la ejecución %1</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>delete run %1</source>
        <translation>eliminar la ejecución %1</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>record the file %1 of run %2</source>
        <translation>registrar el archivo %1 de la ejecución %2</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>group run %1</source>
        <translation>agrupar la ejecución %1</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>record run %1 as trial %2 of grid %3</source>
        <translation>registrar la ejecución %1 como ensayo %2 de la rejilla %3</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>record a new grid</source>
        <translation>registrar una rejilla nueva</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>record the jobs of grid %1</source>
        <translation>registrar los trabajos de la rejilla %1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Cannot %1: %2 has no grid %3.</source>
        <translation>No se puede %1: %2 no tiene la rejilla %3.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>record the folder of grid %1</source>
        <translation>registrar la carpeta de la rejilla %1</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>read the list of grids</source>
        <translation>leer la lista de rejillas</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>%1 has no grid %2 (see &apos;quantbench-cli grid list&apos;).</source>
        <translation>%1 no tiene la rejilla %2 (vea &apos;quantbench-cli grid list&apos;).</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>record a %1 sweep of run %2</source>
        <translation>registrar un barrido de tipo %1 de la ejecución %2</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>read the sweeps of run %1</source>
        <translation>leer los barridos de la ejecución %1</translation>
    </message>
    <message>
        <location line="+49"/>
        <source>read the list of runs</source>
        <translation>leer la lista de ejecuciones</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>read run %1</source>
        <translation>leer la ejecución %1</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>read the epochs of run %1</source>
        <translation>leer las épocas de la ejecución %1</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>read the files of run %1</source>
        <translation>leer los archivos de la ejecución %1</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>look up the run with the %1 %2</source>
        <translation>buscar la ejecución con %1 %2</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>mark abandoned runs as interrupted</source>
        <translation>marcar como interrumpidas las ejecuciones abandonadas</translation>
    </message>
</context>
<context>
    <name>qb::ExportRunDialog</name>
    <message>
        <location filename="../widgets/transfer/exportrundialog.cpp" line="+12"/>
        <source>Export run %1</source>
        <translation>Exportar la ejecución %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Run:</source>
        <translation>Ejecución:</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Format:</source>
        <translation>&amp;Formato:</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Browse…</source>
        <translation>E&amp;xaminar…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Write to:</source>
        <translation>&amp;Guardar en:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Also the &amp;latent (trained float) weights</source>
        <translation>También los pesos &amp;latentes (entrenados, en punto flotante)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>C &amp;prefix:</source>
        <translation>&amp;Prefijo C:</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Export</source>
        <translation>&amp;Exportar</translation>
    </message>
    <message>
        <location line="+62"/>
        <source>Folder for the C library</source>
        <translation>Carpeta para la biblioteca C</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Export run</source>
        <translation>Exportar ejecución</translation>
    </message>
</context>
<context>
    <name>qb::GridActions</name>
    <message>
        <location filename="../widgets/grid/gridactions.cpp" line="+26"/>
        <source>&amp;Grid…</source>
        <translation>&amp;Rejilla…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Train every combination of chosen settings of this experiment, with several seeds</source>
        <translation>Entrenar cada combinación de los ajustes elegidos de este experimento, con varias semillas</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cancel g&amp;rid</source>
        <translation>Cancelar re&amp;jilla</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Stop the running grid&apos;s trials; start the same grid again to go on</source>
        <translation>Detener los ensayos de la rejilla en curso; inicie la misma rejilla de nuevo para continuar</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>A grid is running: one grid at a time.</source>
        <translation>Hay una rejilla en curso: una rejilla cada vez.</translation>
    </message>
    <message>
        <location line="+44"/>
        <location line="+1"/>
        <source>The grid was not started: %1</source>
        <translation>La rejilla no se inició: %1</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+49"/>
        <location line="+15"/>
        <location line="+5"/>
        <location line="+91"/>
        <source>Grid</source>
        <translation>Rejilla</translation>
    </message>
    <message numerus="yes">
        <location line="-127"/>
        <source>Resuming grid %1: %n trial(s)…</source>
        <translation>
            <numerusform>Reanudando la rejilla %1: %n ensayo…</numerusform>
            <numerusform>Reanudando la rejilla %1: %n ensayos…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>Grid %1: %n trial(s)…</source>
        <translation>
            <numerusform>Rejilla %1: %n ensayo…</numerusform>
            <numerusform>Rejilla %1: %n ensayos…</numerusform>
        </translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Every trial of grid %1 is finished already.</source>
        <translation>Todos los ensayos de la rejilla %1 ya han terminado.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Submitting grid %1 to Slurm failed: %2</source>
        <translation>El envío de la rejilla %1 a Slurm falló: %2</translation>
    </message>
    <message numerus="yes">
        <location line="+7"/>
        <source>Submitted %n trial(s) of grid %1 as Slurm array job(s) %2; merge job %3 imports them into the history when they end.
Follow it with &apos;quantbench-cli grid status %1&apos;, stop it with &apos;quantbench-cli grid cancel %1&apos;; the History shows the runs once merged.</source>
        <translation>
            <numerusform>Se envió %n ensayo de la rejilla %1 como vector(es) de trabajos de Slurm %2; el trabajo de fusión %3 lo importa al historial cuando terminan.
Sígalo con &apos;quantbench-cli grid status %1&apos;, deténgalo con &apos;quantbench-cli grid cancel %1&apos;; el Historial muestra las ejecuciones una vez fusionadas.</numerusform>
            <numerusform>Se enviaron %n ensayos de la rejilla %1 como vector(es) de trabajos de Slurm %2; el trabajo de fusión %3 los importa al historial cuando terminan.
Sígalo con &apos;quantbench-cli grid status %1&apos;, deténgalo con &apos;quantbench-cli grid cancel %1&apos;; el Historial muestra las ejecuciones una vez fusionadas.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Grid %1 submitted to Slurm.</source>
        <translation>Rejilla %1 enviada a Slurm.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Grid submitted</source>
        <translation>Rejilla enviada</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Grid %1: stopping the running trials…</source>
        <translation>Rejilla %1: deteniendo los ensayos en curso…</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>run %1</source>
        <translation>ejecución %1</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Grid %1: %2 of %3 trials finished, %4 failed, %5 running…</source>
        <translation>Rejilla %1: %2 de %3 ensayos terminados, %4 fallidos, %5 en curso…</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Grid %1 stopped: %2 trials finished, %3 pending. Start the same grid again to go on.</source>
        <translation>Rejilla %1 detenida: %2 ensayos terminados, %3 pendientes. Inicie la misma rejilla de nuevo para continuar.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Grid %1 ended: %2 trials finished, %3 failed.</source>
        <translation>Rejilla %1 terminada: %2 ensayos terminados, %3 fallidos.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Grid %1 failed: %2</source>
        <translation>La rejilla %1 falló: %2</translation>
    </message>
</context>
<context>
    <name>qb::GridAxis</name>
    <message>
        <location filename="../core/grid/gridspec.cpp" line="+36"/>
        <source>--vary &apos;%1&apos;: expected PATH=V1,V2,... (e.g. train.learning_rate=1e-3,1e-4)</source>
        <translation>--vary &apos;%1&apos;: se esperaba RUTA=V1,V2,... (p. ej. train.learning_rate=1e-3,1e-4)</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>a grid axis needs a &quot;path&quot; and a non-empty list of &quot;values&quot;</source>
        <translation>un eje de rejilla necesita una &quot;path&quot; y una lista no vacía de &quot;values&quot;</translation>
    </message>
</context>
<context>
    <name>qb::GridChart</name>
    <message>
        <location filename="../widgets/history/gridchart.cpp" line="+45"/>
        <source>Grid:</source>
        <translation>Rejilla:</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Final test accuracy (%)</source>
        <translation>Precisión final de prueba (%)</translation>
    </message>
    <message>
        <location line="+15"/>
        <location line="+21"/>
        <source>(no grids in the history yet: Run ▸ Grid… makes one)</source>
        <translation>(aún no hay rejillas en el historial: Ejecutar ▸ Rejilla… crea una)</translation>
    </message>
    <message>
        <location line="-10"/>
        <source>grid %1: %2 (%3)</source>
        <translation>rejilla %1: %2 (%3)</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>(grid %1 has no configurations)</source>
        <translation>(la rejilla %1 no tiene configuraciones)</translation>
    </message>
    <message>
        <location line="+49"/>
        <source>final test accuracy %1 ± %2</source>
        <translation>precisión final de prueba %1 ± %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>min %1, max %2</source>
        <translation>mín. %1, máx. %2</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%1 of %n seed(s) finished</source>
        <translation>
            <numerusform>%1 de %n semilla terminadas</numerusform>
            <numerusform>%1 de %n semillas terminadas</numerusform>
        </translation>
    </message>
    <message>
        <location line="+5"/>
        <source>mean ± std over seeds</source>
        <translation>media ± desv. típ. sobre semillas</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>(grid %1 has no finished runs yet)</source>
        <translation>(la rejilla %1 aún no tiene ejecuciones terminadas)</translation>
    </message>
    <message numerus="yes">
        <location line="+34"/>
        <source>Grid %1%2: mean final test accuracy vs %3 (error bars: ± std over %n seed(s))</source>
        <translation>
            <numerusform>Rejilla %1%2: precisión final de prueba media frente a %3 (barras de error: ± desv. típ. sobre %n semilla)</numerusform>
            <numerusform>Rejilla %1%2: precisión final de prueba media frente a %3 (barras de error: ± desv. típ. sobre %n semillas)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>qb::GridDialog</name>
    <message>
        <location filename="../widgets/grid/griddialog.cpp" line="+29"/>
        <source>Experiment grid</source>
        <translation>Rejilla de experimentos</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Trains every combination of the varied fields&apos; values with each seed, starting from the open network and the training settings.</source>
        <translation>Entrena cada combinación de los valores de los campos variados con cada semilla, partiendo de la red abierta y de los ajustes de entrenamiento.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>&amp;Name:</source>
        <translation>&amp;Nombre:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Varied fields</source>
        <translation>Campos variados</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>&amp;Add field</source>
        <translation>&amp;Añadir campo</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Values: 1e-3, 1e-2 or 2..8 (integers) or ste_sign, ternary_twn</source>
        <translation>Valores: 1e-3, 1e-2 o 2..8 (enteros) o ste_sign, ternary_twn</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Runs</source>
        <translation>Ejecuciones</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Seeds per configuration:</source>
        <translation>&amp;Semillas por configuración:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Each configuration is trained with the experiment&apos;s seed, seed + 1, …</source>
        <translation>Cada configuración se entrena con la semilla del experimento, semilla + 1, …</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>On this &amp;computer, trials at once:</source>
        <translation>En este &amp;ordenador, ensayos a la vez:</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Trials trained at the same time, sharing this computer&apos;s cores</source>
        <translation>Ensayos entrenados a la vez, repartiendo los núcleos de este ordenador</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>On a Slurm &amp;cluster, partition:</source>
        <translation>En un &amp;clúster Slurm, partición:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>(the cluster&apos;s default)</source>
        <translation>(la del clúster por defecto)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>At most at once (0: no limit):</source>
        <translation>Como máximo a la vez (0: sin límite):</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>&amp;Start</source>
        <translation>&amp;Iniciar</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Submit the trials as Slurm job arrays and a merge job (sbatch)</source>
        <translation>Enviar los ensayos como vectores de trabajos de Slurm y un trabajo de fusión (sbatch)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>sbatch was not found on the PATH: no Slurm cluster to submit to</source>
        <translation>sbatch no está en el PATH: no hay clúster Slurm al que enviar</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>Remove this field</source>
        <translation>Quitar este campo</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>now %1; values, e.g. %2</source>
        <translation>ahora %1; valores, p. ej. %2</translation>
    </message>
    <message>
        <location line="+88"/>
        <source>Add a field to vary.</source>
        <translation>Añada un campo que variar.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Enter the values of %1.</source>
        <translation>Escriba los valores de %1.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 is varied twice.</source>
        <translation>%1 se varía dos veces.</translation>
    </message>
    <message numerus="yes">
        <location line="+23"/>
        <source>%n configuration(s)</source>
        <translation>
            <numerusform>%n configuración</numerusform>
            <numerusform>%n configuraciones</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n seed(s)</source>
        <translation>
            <numerusform>%n semilla</numerusform>
            <numerusform>%n semillas</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n trial(s)</source>
        <translation>
            <numerusform>%n ensayo</numerusform>
            <numerusform>%n ensayos</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>qb::GridField</name>
    <message>
        <location filename="../widgets/grid/gridfield.cpp" line="+30"/>
        <source>learning rate</source>
        <translation>tasa de aprendizaje</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>batch size</source>
        <translation>tamaño de lote</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>epochs</source>
        <translation>épocas</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>optimizer</source>
        <translation>optimizador</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>momentum</source>
        <translation>momento</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>weight decay</source>
        <translation>decaimiento de pesos</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>training images (0: all)</source>
        <translation>imágenes de entrenamiento (0: todas)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>test images (0: all)</source>
        <translation>imágenes de prueba (0: todas)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Training</source>
        <translation>Entrenamiento</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Layer %1 %2</source>
        <translation>Capa %1 %2</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>kernel quantizer</source>
        <translation>cuantizador de pesos</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>input quantizer</source>
        <translation>cuantizador de entrada</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>name</source>
        <translation>nombre</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>nonideality %1 (%2)</source>
        <translation>no idealidad %1 (%2)</translation>
    </message>
</context>
<context>
    <name>qb::GridProgressDialog</name>
    <message>
        <location filename="../widgets/grid/gridprogressdialog.cpp" line="+30"/>
        <source>Trial</source>
        <translation>Ensayo</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Configuration</source>
        <translation>Configuración</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Seed</source>
        <translation>Semilla</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>State</source>
        <translation>Estado</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Run / reason</source>
        <translation>Ejecución / motivo</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Cancel grid</source>
        <translation>Cancelar rejilla</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Stop the running trials; they stay pending, and starting the same grid again goes on where it stopped</source>
        <translation>Detener los ensayos en curso; quedan pendientes, y al iniciar la misma rejilla de nuevo continúa donde se detuvo</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>pending</source>
        <translation>pendiente</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>running</source>
        <translation>en curso</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>finished</source>
        <translation>terminado</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>failed</source>
        <translation>fallido</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Grid %1: %2</source>
        <translation>Rejilla %1: %2</translation>
    </message>
    <message numerus="yes">
        <location line="+21"/>
        <source>Starting %n trial(s)…</source>
        <translation>
            <numerusform>Iniciando %n ensayo…</numerusform>
            <numerusform>Iniciando %n ensayos…</numerusform>
        </translation>
    </message>
    <message>
        <location line="+27"/>
        <source>%1 of %2 trials finished, %3 failed, %4 running.</source>
        <translation>%1 de %2 ensayos terminados, %3 fallidos, %4 en curso.</translation>
    </message>
    <message numerus="yes">
        <location line="+7"/>
        <source>About %n minute(s) left.</source>
        <translation>
            <numerusform>Queda %n minuto aproximadamente.</numerusform>
            <numerusform>Quedan %n minutos aproximadamente.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>qb::GridResults</name>
    <message>
        <location filename="../core/grid/gridresults.cpp" line="+21"/>
        <source>grid %1 in the history: %2</source>
        <translation>rejilla %1 del historial: %2</translation>
    </message>
</context>
<context>
    <name>qb::GridSpec</name>
    <message>
        <location filename="../core/grid/gridspec.cpp" line="+49"/>
        <location line="+78"/>
        <source>a grid needs at least one seed, got %1</source>
        <translation>una rejilla necesita al menos una semilla, se dio %1</translation>
    </message>
    <message>
        <location line="-76"/>
        <source>a grid needs at least one varied field (--vary PATH=V1,V2,...)</source>
        <translation>una rejilla necesita al menos un campo variado (--vary RUTA=V1,V2,...)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>--vary %1 has no values</source>
        <translation>--vary %1 no tiene valores</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+73"/>
        <source>the grid has more than %1 trials</source>
        <translation>la rejilla tiene más de %1 ensayos</translation>
    </message>
    <message>
        <location line="-63"/>
        <source>--vary %1: %2</source>
        <translation>--vary %1: %2</translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+3"/>
        <source>grid configuration %1: %2</source>
        <translation>configuración de rejilla %1: %2</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>not a QuantBench grid (&quot;format&quot; is not &quot;quantbench-grid&quot;)</source>
        <translation>no es una rejilla de QuantBench (&quot;format&quot; no es &quot;quantbench-grid&quot;)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the grid was written by a newer QuantBench (version %1)</source>
        <translation>la rejilla la escribió un QuantBench más reciente (versión %1)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>grid experiment: %1</source>
        <translation>experimento de la rejilla: %1</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>a grid needs at least one varied field (&quot;axes&quot; is empty)</source>
        <translation>una rejilla necesita al menos un campo variado (&quot;axes&quot; está vacío)</translation>
    </message>
</context>
<context>
    <name>qb::GridWorker</name>
    <message>
        <location filename="../widgets/grid/gridworker.cpp" line="+45"/>
        <source>unknown error</source>
        <translation>error desconocido</translation>
    </message>
</context>
<context>
    <name>qb::GridWorkspace</name>
    <message>
        <location filename="../core/grid/gridworkspace.cpp" line="+41"/>
        <source>cannot create the grid folder %1</source>
        <translation>no se puede crear la carpeta de la rejilla %1</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>%1 is not a QuantBench grid manifest</source>
        <translation>%1 no es un manifiesto de rejilla de QuantBench</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 was written by a newer QuantBench</source>
        <translation>%1 lo escribió un QuantBench más reciente</translation>
    </message>
    <message>
        <location line="+8"/>
        <location line="+18"/>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <location line="-15"/>
        <source>%1: the grid has %2 trials, the manifest says %3</source>
        <translation>%1: la rejilla tiene %2 ensayos, el manifiesto dice %3</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>%1 says &apos;%2&apos; but the trial&apos;s bundle %3 is not there</source>
        <translation>%1 dice &apos;%2&apos; pero el paquete del ensayo %3 no está</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>cannot remove the earlier result folder %1</source>
        <translation>no se puede borrar la carpeta de resultados anterior %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>cannot create the result folder %1</source>
        <translation>no se puede crear la carpeta de resultados %1</translation>
    </message>
</context>
<context>
    <name>qb::HelpActions</name>
    <message>
        <location filename="../widgets/help/helpactions.cpp" line="+15"/>
        <source>Quantizer and nonideality &amp;reference…</source>
        <translation>Referencia de &amp;cuantizadores y no idealidades…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Tour: train a BNN and its baseline twin</source>
        <translation>&amp;Recorrido: entrenar una BNN y su referencia</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Every quantizer and hardware nonideality with its parameters and defaults</source>
        <translation>Todos los cuantizadores y no idealidades del hardware, con sus parámetros y valores predeterminados</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A few steps from a binarized network to its comparison with the float baseline</source>
        <translation>Unos pocos pasos desde una red binarizada hasta su comparación con la referencia en punto flotante</translation>
    </message>
</context>
<context>
    <name>qb::HistoryExport</name>
    <message>
        <location filename="../widgets/history/historyexport.cpp" line="+22"/>
        <location line="+8"/>
        <source>Cannot write %1: %2</source>
        <translation>No se puede escribir %1: %2</translation>
    </message>
</context>
<context>
    <name>qb::HistoryPanel</name>
    <message>
        <location filename="../widgets/history/historypanel.cpp" line="+45"/>
        <source>Filter by name, network, dataset, tags or notes</source>
        <translation>Filtrar por nombre, red, conjunto de datos, etiquetas o notas</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>All statuses</source>
        <translation>Todos los estados</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Group repeats</source>
        <translation>Agrupar repeticiones</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>One row per group of repeated runs, with mean ± std of their accuracies</source>
        <translation>Una fila por grupo de ejecuciones repetidas, con la media ± desviación estándar de sus exactitudes</translation>
    </message>
    <message>
        <location line="+69"/>
        <source>Rename</source>
        <translation>Renombrar</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Rename the selected run</source>
        <translation>Renombrar la ejecución seleccionada</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tags…</source>
        <translation>Etiquetas…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Set the tags of the selected runs</source>
        <translation>Establecer las etiquetas de las ejecuciones seleccionadas</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Notes…</source>
        <translation>Notas…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Edit the notes of the selected runs</source>
        <translation>Editar las notas de las ejecuciones seleccionadas</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Delete…</source>
        <translation>Eliminar…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Delete the selected runs and their files</source>
        <translation>Eliminar las ejecuciones seleccionadas y sus archivos</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Open run in editor</source>
        <translation>Abrir ejecución en el editor</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open the selected run&apos;s network in the editor and its training settings and dataset in the training panel, to reproduce or vary it</source>
        <translation>Abre la red de la ejecución seleccionada en el editor, y sus ajustes de entrenamiento y su conjunto de datos en el panel de entrenamiento, para reproducirla o variarla</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Compare configs</source>
        <translation>Comparar configuraciones</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>List the settings in which the two selected runs differ</source>
        <translation>Listar los ajustes en los que difieren las dos ejecuciones seleccionadas</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Export table CSV…</source>
        <translation>Exportar tabla CSV…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Save the listed runs as a CSV file</source>
        <translation>Guardar las ejecuciones listadas como archivo CSV</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Export epochs CSV…</source>
        <translation>Exportar épocas CSV…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save the selected run&apos;s epoch metrics as a CSV file</source>
        <translation>Guardar las métricas por época de la ejecución seleccionada como archivo CSV</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Refresh</source>
        <translation>Actualizar</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Read the history again</source>
        <translation>Volver a leer el historial</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Cannot open the history database %1:
%2</source>
        <translation>No se puede abrir la base de datos de historial %1:
%2</translation>
    </message>
    <message>
        <location line="+84"/>
        <location line="+2"/>
        <location line="+232"/>
        <source>run %1</source>
        <translation>ejecución %1</translation>
    </message>
    <message>
        <location line="-234"/>
        <source>run %1: %2</source>
        <translation>ejecución %1: %2</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>No history database is open.</source>
        <translation>No hay ninguna base de datos de historial abierta.</translation>
    </message>
    <message>
        <location line="+109"/>
        <source>Tags</source>
        <translation>Etiquetas</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>Tags of %n run(s), separated by commas:</source>
        <translation>
            <numerusform>Etiquetas de %n ejecución, separadas por comas:</numerusform>
            <numerusform>Etiquetas de %n ejecuciones, separadas por comas:</numerusform>
        </translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Notes</source>
        <translation>Notas</translation>
    </message>
    <message numerus="yes">
        <location line="+0"/>
        <source>Notes of %n run(s):</source>
        <translation>
            <numerusform>Notas de %n ejecución:</numerusform>
            <numerusform>Notas de %n ejecuciones:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+19"/>
        <source>… and %n more</source>
        <translation>
            <numerusform>… y %n más</numerusform>
            <numerusform>… y %n más</numerusform>
        </translation>
    </message>
    <message>
        <location line="+8"/>
        <source>#%1</source>
        <translation>#%1</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>#%1 %2</source>
        <translation>#%1 %2</translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>Delete %n run(s) with their epochs, sweeps and files? This cannot be undone.</source>
        <translation>
            <numerusform>¿Eliminar %n ejecución con sus épocas, barridos y archivos? No se puede deshacer.</numerusform>
            <numerusform>¿Eliminar %n ejecuciones con sus épocas, barridos y archivos? No se puede deshacer.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Delete runs</source>
        <translation>Eliminar ejecuciones</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Run %1 was deleted, but its folder %2 could not be removed completely.</source>
        <translation>Se eliminó la ejecución %1, pero su carpeta %2 no se pudo borrar por completo.</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Cannot open the network of run %1: %2</source>
        <translation>No se puede abrir la red de la ejecución %1: %2</translation>
    </message>
    <message>
        <location line="+20"/>
        <location line="+4"/>
        <source>Export table</source>
        <translation>Exportar tabla</translation>
    </message>
    <message>
        <location line="-4"/>
        <location line="+13"/>
        <source>CSV files (*.csv)</source>
        <translation>Archivos CSV (*.csv)</translation>
    </message>
    <message>
        <location line="-1"/>
        <location line="+5"/>
        <source>Export epochs</source>
        <translation>Exportar épocas</translation>
    </message>
</context>
<context>
    <name>qb::IdxReader</name>
    <message>
        <location filename="../core/data/idxreader.cpp" line="+195"/>
        <source>%1: cannot start gzip decompression</source>
        <translation>%1: no se puede iniciar la descompresión gzip</translation>
    </message>
    <message>
        <location line="-44"/>
        <source>%1: implausible dimensions in the header: %2 images of %3x%4 are %5 bytes of pixel data, more than the %6 bytes QuantBench reads</source>
        <translation>%1: dimensiones inverosímiles en la cabecera: %2 imágenes de %3x%4 son %5 bytes de píxeles, más que los %6 bytes que lee QuantBench</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>pixel data for %1 images of %2x%3</source>
        <translation>datos de píxeles de %1 imágenes de %2x%3</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1: truncated: expected %2 bytes of %3, found %4</source>
        <translation>%1: truncado: se esperaban %2 bytes de %3 y hay %4</translation>
    </message>
    <message>
        <location line="+47"/>
        <source>%1: truncated: the header promises %2 bytes of %3, more than %4 bytes of gzip data can hold</source>
        <translation>%1: truncado: la cabecera promete %2 bytes de %3, más de lo que caben en %4 bytes de datos gzip</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>%1: corrupt IDX header</source>
        <translation>%1: cabecera IDX dañada</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1: trailing bytes: decompresses to more than the %2 bytes of %3 that the header promises</source>
        <translation>%1: bytes sobrantes: se descomprime en más de los %2 bytes de %3 que promete la cabecera</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>%1: corrupt gzip file: %2 unexpected bytes after the end of the compressed data</source>
        <translation>%1: archivo gzip dañado: %2 bytes inesperados tras el final de los datos comprimidos</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>%1: corrupt gzip file: the compressed data ends early (the file is truncated?)</source>
        <translation>%1: archivo gzip dañado: los datos comprimidos terminan antes de tiempo (¿el archivo está truncado?)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>%1: out of memory while decompressing</source>
        <translation>%1: memoria insuficiente durante la descompresión</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>invalid compressed data</source>
        <translation>datos comprimidos no válidos</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1: corrupt gzip file: %2</source>
        <translation>%1: archivo gzip dañado: %2</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>%1: file not found</source>
        <translation>%1: archivo no encontrado</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1: is a folder, not an IDX file</source>
        <translation>%1: es una carpeta, no un archivo IDX</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1: cannot read the file: %2</source>
        <translation>%1: no se puede leer el archivo: %2</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1: the file is empty</source>
        <translation>%1: el archivo está vacío</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>%1: cannot read the file: read %2 of %3 bytes (%4)</source>
        <translation>%1: no se puede leer el archivo: se leyeron %2 de %3 bytes (%4)</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>%1: %2 trailing bytes after the %3 bytes of %4</source>
        <translation>%1: %2 bytes sobrantes tras los %3 bytes de %4</translation>
    </message>
    <message>
        <location line="-74"/>
        <source>%1: the file is empty once decompressed</source>
        <translation>%1: el archivo está vacío una vez descomprimido</translation>
    </message>
    <message>
        <location line="-236"/>
        <source>%1: wrong magic number %2 (expected %3); is this an IDX images file?</source>
        <translation>%1: número mágico incorrecto %2 (se esperaba %3); ¿es un archivo IDX de imágenes?</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1: wrong magic number %2 (expected %3); is this an IDX labels file?</source>
        <translation>%1: número mágico incorrecto %2 (se esperaba %3); ¿es un archivo IDX de etiquetas?</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>It looks like a labels file.</source>
        <translation>Parece un archivo de etiquetas.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>It looks like an images file.</source>
        <translation>Parece un archivo de imágenes.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The name ends in .gz but the content is not gzip-compressed.</source>
        <translation>El nombre termina en .gz, pero el contenido no está comprimido con gzip.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>%1: truncated header: %2 bytes where the header needs %3</source>
        <translation>%1: cabecera truncada: %2 bytes, pero la cabecera necesita %3</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>label data</source>
        <translation>datos de etiquetas</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1: the header has a zero dimension (%2 images of %3x%4)</source>
        <translation>%1: la cabecera tiene una dimensión cero (%2 imágenes de %3x%4)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>%1: implausible dimensions in the header (%2 images of %3x%4)</source>
        <translation>%1: dimensiones inverosímiles en la cabecera (%2 imágenes de %3x%4)</translation>
    </message>
    <message>
        <location line="-21"/>
        <source>%1: the header says it holds no labels</source>
        <translation>%1: la cabecera indica que no contiene etiquetas</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1: implausible label count %2 in the header</source>
        <translation>%1: número de etiquetas inverosímil (%2) en la cabecera</translation>
    </message>
    <message>
        <location line="+307"/>
        <source>%1: label out of range at index %2: %3 (expected 0 to %4)</source>
        <translation>%1: etiqueta fuera de rango en el índice %2: %3 (se esperaba de 0 a %4)</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>image and label counts disagree: %1 holds %2 images but %3 holds %4 labels</source>
        <translation>el número de imágenes y el de etiquetas no coinciden: %1 contiene %2 imágenes, pero %3 contiene %4 etiquetas</translation>
    </message>
</context>
<context>
    <name>qb::IssueText</name>
    <message>
        <location filename="../widgets/common/issuetext.cpp" line="+11"/>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
</context>
<context>
    <name>qb::JsonPath</name>
    <message>
        <location filename="../core/grid/jsonpath.cpp" line="+23"/>
        <source>empty field path</source>
        <translation>ruta de campo vacía</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&apos;%1&apos; is not a field path (keys joined by dots, [N] or [*] after a list, e.g. network.layers[3].kernel_quantizer.name): bad part &apos;%2&apos;</source>
        <translation>&apos;%1&apos; no es una ruta de campo (claves unidas por puntos, [N] o [*] tras una lista, p. ej. network.layers[3].kernel_quantizer.name): parte incorrecta &apos;%2&apos;</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>&apos;%1&apos; matches no field of the experiment</source>
        <translation>&apos;%1&apos; no corresponde a ningún campo del experimento</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>&apos;%1&apos;: %2 is not an object</source>
        <translation>&apos;%1&apos;: %2 no es un objeto</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>&apos;%1&apos;: there is no field %2</source>
        <translation>&apos;%1&apos;: no existe el campo %2</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>&apos;%1&apos;: %2 is not a list</source>
        <translation>&apos;%1&apos;: %2 no es una lista</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&apos;%1&apos;: %2 does not exist (the list&apos;s elements are counted from 0 to %3)</source>
        <translation>&apos;%1&apos;: %2 no existe (los elementos de la lista se cuentan de 0 a %3)</translation>
    </message>
</context>
<context>
    <name>qb::LabReport</name>
    <message>
        <location filename="../core/export/labreport.cpp" line="+87"/>
        <source>%1 MiB</source>
        <translation>%1 MiB</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 KiB</source>
        <translation>%1 KiB</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 min %2 s</source>
        <translation>%1 min %2 s</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 h %2 min</source>
        <translation>%1 h %2 min</translation>
    </message>
    <message>
        <location line="+79"/>
        <source>QuantBench lab report · run %1 · %2</source>
        <translation>Informe de laboratorio de QuantBench · ejecución %1 · %2</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>page %1</source>
        <translation>página %1</translation>
    </message>
    <message>
        <location line="+259"/>
        <source>QuantBench lab report</source>
        <translation>Informe de laboratorio de QuantBench</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Run %1</source>
        <translation>Ejecución %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Run %1 · %2 · network %3 · dataset %4</source>
        <translation>Ejecución %1 · %2 · red %3 · conjunto de datos %4</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Started %1 · finished %2 · seed %3</source>
        <translation>Iniciada %1 · terminada %2 · semilla %3</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Final test accuracy</source>
        <translation>Exactitud de prueba final</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Best test accuracy</source>
        <translation>Mejor exactitud de prueba</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+209"/>
        <source>Epochs</source>
        <translation>Épocas</translation>
    </message>
    <message>
        <location line="-209"/>
        <source>%1 of %2</source>
        <translation>%1 de %2</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+96"/>
        <source>Model size</source>
        <translation>Tamaño del modelo</translation>
    </message>
    <message>
        <location line="-66"/>
        <source>The run failed: %1</source>
        <translation>La ejecución falló: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Tags: %1</source>
        <translation>Etiquetas: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Notes</source>
        <translation>Notas</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Report made on %1 with QuantBench %2.</source>
        <translation>Informe generado el %1 con QuantBench %2.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Network</source>
        <translation>Red</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Input %1. Blocks with a thick border are quantized layers; &quot;in&quot; is the input quantizer, &quot;w&quot; the kernel (weight) quantizer, and the arrow gives each layer&apos;s output shape.</source>
        <translation>Entrada %1. Los bloques con borde grueso son capas cuantizadas; &quot;ent&quot; es el cuantizador de entrada, &quot;p&quot; el cuantizador de pesos (kernel), y la flecha indica la forma de salida de cada capa.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Model summary</source>
        <translation>Resumen del modelo</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The network could not be summarized.</source>
        <translation>No se pudo resumir la red.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>#</source>
        <translation>#</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+185"/>
        <source>Layer</source>
        <translation>Capa</translation>
    </message>
    <message>
        <location line="-185"/>
        <source>Type</source>
        <translation>Tipo</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Input bits</source>
        <translation>Bits de entrada</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Output shape</source>
        <translation>Forma de salida</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1-bit params</source>
        <translation>Parám. de %1 bits</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Memory (KiB)</source>
        <translation>Memoria (KiB)</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Total</source>
        <translation>Total</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>%1 at %2 bit</source>
        <translation>%1 de %2 bits</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Parameters</source>
        <translation>Parámetros</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 KiB (%2 KiB with 8-bit floats; %3 KiB as float-32, a compression of %4×)</source>
        <translation>%1 KiB (%2 KiB con flotantes de 8 bits; %3 KiB en float-32, una compresión de %4×)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Multiply-accumulates</source>
        <translation>Multiplicaciones-acumulaciones</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Binarized MACs</source>
        <translation>MACs binarizadas</translation>
    </message>
    <message>
        <location line="+6"/>
        <location line="+113"/>
        <source>Training</source>
        <translation>Entrenamiento</translation>
    </message>
    <message>
        <location line="-98"/>
        <source>Epoch</source>
        <translation>Época</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Train loss</source>
        <translation>Pérdida de entrenamiento</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Train accuracy</source>
        <translation>Exactitud de entrenamiento</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Test loss</source>
        <translation>Pérdida de prueba</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Test accuracy</source>
        <translation>Exactitud de prueba</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Time (s)</source>
        <translation>Tiempo (s)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Samples/s</source>
        <translation>Muestras/s</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Training took %1 in all.</source>
        <translation>El entrenamiento duró %1 en total.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Confusion matrix</source>
        <translation>Matriz de confusión</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The confusion matrix was not available: the test split of the dataset could not be read when this report was made.</source>
        <translation>La matriz de confusión no estaba disponible: no se pudo leer la partición de prueba del conjunto de datos cuando se generó este informe.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Rows are the actual classes, columns the predicted ones; a cell&apos;s shade is its share of the row, and the right column is each class&apos;s recall.</source>
        <translation>Las filas son las clases reales y las columnas, las predichas; el tono de cada celda es su proporción dentro de la fila, y la columna de la derecha es la sensibilidad (recall) de cada clase.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Sweeps</source>
        <translation>Barridos</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No sweep (post-training quantization, noise or Monte Carlo) was run on this model.</source>
        <translation>No se ejecutó ningún barrido (cuantización posterior al entrenamiento, ruido o Monte Carlo) sobre este modelo.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Sweep %1 of %2</source>
        <translation>Barrido %1 de %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source> (recorded %1)</source>
        <translation> (registrado el %1)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>This %1 sweep has no points.</source>
        <translation>Este barrido %1 no tiene puntos.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Value</source>
        <translation>Valor</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mean accuracy</source>
        <translation>Exactitud media</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Std</source>
        <translation>Desv. est.</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Min</source>
        <translation>Mín.</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Max</source>
        <translation>Máx.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Chips</source>
        <translation>Chips</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Loss</source>
        <translation>Pérdida</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Settings: %1</source>
        <translation>Configuración: %1</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Settings</source>
        <translation>Configuración</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Dataset</source>
        <translation>Conjunto de datos</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Network input</source>
        <translation>Entrada de la red</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Optimizer</source>
        <translation>Optimizador</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Adam</source>
        <translation>Adam</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>SGD</source>
        <translation>SGD</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Learning rate</source>
        <translation>Tasa de aprendizaje</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Momentum</source>
        <translation>Momento</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Batch size</source>
        <translation>Tamaño de lote</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Weight decay</source>
        <translation>Decaimiento de pesos</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Early stopping</source>
        <translation>Parada temprana</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>patience %1 epochs (on test loss)</source>
        <translation>paciencia de %1 épocas (sobre la pérdida de prueba)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>off</source>
        <translation>desactivada</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Seed</source>
        <translation>Semilla</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Threads</source>
        <translation>Hilos</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>all cores</source>
        <translation>todos los núcleos</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Training samples</source>
        <translation>Muestras de entrenamiento</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+2"/>
        <source>whole split</source>
        <translation>toda la partición</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Test samples</source>
        <translation>Muestras de prueba</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Input scaling</source>
        <translation>Escalado de la entrada</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>pixels to [-1, 1]</source>
        <translation>píxeles a [-1, 1]</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>pixels to [0, 1]</source>
        <translation>píxeles a [0, 1]</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Quantizers per layer</source>
        <translation>Cuantizadores por capa</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>none (float)</source>
        <translation>ninguno (punto flotante)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1-bit</source>
        <translation>%1 bits</translation>
    </message>
    <message>
        <location line="+18"/>
        <location line="+1"/>
        <source>none</source>
        <translation>ninguno</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The network has no layer with weights.</source>
        <translation>La red no tiene ninguna capa con pesos.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Input quantizer</source>
        <translation>Cuantizador de entrada</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Kernel quantizer</source>
        <translation>Cuantizador de pesos (kernel)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Kernel clip</source>
        <translation>Recorte de pesos</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nonidealities</source>
        <translation>No idealidades</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Nonidealities simulate imperfect hardware: they act as listed (training, evaluation or both) and are drawn anew for every simulated chip.</source>
        <translation>Las no idealidades simulan hardware imperfecto: actúan como se indica (entrenamiento, evaluación o ambos) y se muestrean de nuevo para cada chip simulado.</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>cannot write the report %1: drawing it needs fonts, which only a graphical application object (QGuiApplication) provides</source>
        <translation>no se puede escribir el informe %1: dibujarlo requiere fuentes, que solo proporciona un objeto de aplicación gráfica (QGuiApplication)</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Lab report: %1</source>
        <translation>Informe de laboratorio: %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>cannot write the report %1: the PDF could not be drawn</source>
        <translation>no se puede escribir el informe %1: no se pudo dibujar el PDF</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>cannot write the report %1: the PDF came out empty</source>
        <translation>no se puede escribir el informe %1: el PDF resultó vacío</translation>
    </message>
</context>
<context>
    <name>qb::LayerBlock</name>
    <message>
        <location filename="../widgets/editor/layerblock.cpp" line="+32"/>
        <source>valid</source>
        <translation>valid</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>same</source>
        <translation>same</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>pad %1</source>
        <translation>relleno %1</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>%1 %2b</source>
        <translation>%1 %2b</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>filters %1</source>
        <translation>filtros %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+27"/>
        <source>stride %1</source>
        <translation>paso %1</translation>
    </message>
    <message>
        <location line="-22"/>
        <location line="+5"/>
        <source>no bias</source>
        <translation>sin sesgo</translation>
    </message>
    <message>
        <location line="-2"/>
        <source>units %1</source>
        <translation>unidades %1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>no scale</source>
        <translation>sin escala</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>no center</source>
        <translation>sin centrado</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>momentum %1</source>
        <translation>momento %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>pool %1</source>
        <translation>ventana %1</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>rate %1</source>
        <translation>tasa %1</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>α %1</source>
        <translation>α %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>β %1</source>
        <translation>β %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>θ %1</source>
        <translation>θ %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>reset %1</source>
        <translation>reinicio %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>state %1b</source>
        <translation>estado %1b</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>in: %1</source>
        <translation>ent: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>input quantizer: %1 %2</source>
        <translation>cuantizador de entrada: %1 %2</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>w: %1</source>
        <translation>p: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>kernel quantizer: %1 %2</source>
        <translation>cuantizador de pesos (kernel): %1 %2</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>clip ±%1</source>
        <translation>recorte ±%1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>latent weights clipped to [-%1, %1]</source>
        <translation>pesos latentes recortados a [-%1, %1]</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>nonideality: %1, phase %2 %3</source>
        <translation>no idealidad: %1, fase %2 %3</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>neurons: beta %1%2, threshold %3%4, reset %5, surrogate %6</source>
        <translation>neuronas: beta %1%2, umbral %3%4, reinicio %5, sustituto %6</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+2"/>
        <source> (learned)</source>
        <translation> (aprendido)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>output: %1</source>
        <translation>salida: %1</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Input</source>
        <translation>Entrada</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>sized by the dataset</source>
        <translation>tamaño según el conjunto de datos</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Network input: %1 (channels × height × width, or features). Select it to edit the network&apos;s own settings.</source>
        <translation>Entrada de la red: %1 (canales × alto × ancho, o características). Seleccionarla para editar la configuración propia de la red.</translation>
    </message>
</context>
<context>
    <name>qb::LayerInspector</name>
    <message>
        <location filename="../widgets/inspector/issuehighlight.cpp" line="+127"/>
        <source>Problem: %1</source>
        <translation>Problema: %1</translation>
    </message>
    <message>
        <location filename="../widgets/inspector/layerinspector.cpp" line="+33"/>
        <source>Neurons</source>
        <translation>Neuronas</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Quantization</source>
        <translation>Cuantización</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Hardware nonidealities</source>
        <translation>No idealidades del hardware</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>A quantized layer (Larq&apos;s QuantConv2D / QuantDense) quantizes its inputs and its weights before multiplying them. Training keeps float &apos;latent&apos; weights; the quantizer&apos;s gradient estimator decides how the gradient passes through.</source>
        <translation>Una capa cuantizada (QuantConv2D / QuantDense de Larq) cuantiza sus entradas y sus pesos antes de multiplicarlos. El entrenamiento conserva pesos &apos;latentes&apos; en punto flotante; el estimador de gradiente del cuantizador decide cómo pasa el gradiente.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Inputs</source>
        <translation>Entradas</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Weights</source>
        <translation>Pesos</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Effects of analog or emerging-memory hardware simulated on this layer: noise, variation, limited precision, faults and drift. They act in list order.</source>
        <translation>Efectos del hardware analógico o de memorias emergentes simulados en esta capa: ruido, variación, precisión limitada, fallos y deriva. Actúan en el orden de la lista.</translation>
    </message>
    <message>
        <location line="+152"/>
        <source>Network %1</source>
        <translation>Red %1</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Layer %1: %2</source>
        <translation>Capa %1: %2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Layer %1: %2 “%3”</source>
        <translation>Capa %1: %2 «%3»</translation>
    </message>
</context>
<context>
    <name>qb::LayerMime</name>
    <message>
        <location filename="../widgets/editor/layermime.cpp" line="+37"/>
        <source>the drag carries no layer</source>
        <translation>el arrastre no contiene ninguna capa</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>the dragged layer is not a JSON object</source>
        <translation>la capa arrastrada no es un objeto JSON</translation>
    </message>
</context>
<context>
    <name>qb::LayerPalette</name>
    <message>
        <location filename="../widgets/editor/layerpalette.cpp" line="+42"/>
        <source>Filter layers…</source>
        <translation>Filtrar capas…</translation>
    </message>
    <message>
        <location line="+68"/>
        <source>QuantConv2D (binary)</source>
        <translation>QuantConv2D (binaria)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>QuantDense (binary)</source>
        <translation>QuantDense (binaria)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Leaky (LIF)</source>
        <translation>Leaky (LIF)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Synaptic</source>
        <translation>Synaptic</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>2-D convolution in full precision: slides learned filters over the feature maps (32 filters of 3×3 to start with).</source>
        <translation>Convolución 2D en precisión completa: desliza filtros aprendidos sobre los mapas de características (32 filtros de 3×3 para empezar).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Binary convolution as in Larq: inputs and weights pass through ste_sign (±1), the latent weights are clipped to [-1, 1], no bias. Follow it with BatchNorm.</source>
        <translation>Convolución binaria como en Larq: las entradas y los pesos pasan por ste_sign (±1), los pesos latentes se recortan a [-1, 1], sin sesgo. Colocar una BatchNorm a continuación.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Fully connected layer in full precision; needs a flat input (put a Flatten before it). The last dense layer gives the class scores.</source>
        <translation>Capa totalmente conectada en precisión completa; necesita una entrada plana (colocar una Flatten antes). La última capa dense da las puntuaciones de clase.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Binary fully connected layer as in Larq: ste_sign on inputs and weights, weights clipped to [-1, 1], no bias.</source>
        <translation>Capa totalmente conectada binaria como en Larq: ste_sign en las entradas y los pesos, pesos recortados a [-1, 1], sin sesgo.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Batch normalization: normalizes each channel with running statistics and a learned scale and offset. Essential after binary layers.</source>
        <translation>Normalización por lotes: normaliza cada canal con estadísticas móviles y una escala y un desplazamiento aprendidos. Imprescindible tras las capas binarias.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Max pooling: keeps the largest value of each 2×2 window, halving height and width.</source>
        <translation>Pooling máximo: conserva el valor mayor de cada ventana de 2×2, lo que reduce a la mitad el alto y el ancho.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Average pooling: averages each 2×2 window, halving height and width.</source>
        <translation>Pooling promedio: promedia cada ventana de 2×2, lo que reduce a la mitad el alto y el ancho.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Flattens feature maps (channels × height × width) into one vector for dense layers.</source>
        <translation>Aplana los mapas de características (canales × alto × ancho) en un único vector para las capas dense.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Dropout: zeroes a random fraction of the values during training to reduce overfitting; does nothing at evaluation.</source>
        <translation>Dropout: pone a cero una fracción aleatoria de los valores durante el entrenamiento para reducir el sobreajuste; no hace nada en la evaluación.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Element-wise nonlinearity (ReLU, hard tanh, tanh) or the final softmax.</source>
        <translation>No linealidad elemento a elemento (ReLU, hard tanh, tanh) o la softmax final.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Leaky integrate-and-fire neurons (snnTorch&apos;s Leaky): each value is a membrane that decays by β every time step, adds its input and spikes when it crosses the threshold θ. Makes the network spiking: it then runs over the network&apos;s time steps.</source>
        <translation>Neuronas de integración y disparo con fugas (Leaky de snnTorch): cada valor es una membrana que decae por β en cada paso de tiempo, suma su entrada y dispara un impulso cuando cruza el umbral θ. Convierte la red en una red de impulsos: entonces funciona a lo largo de los pasos de tiempo de la red.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Second-order LIF neurons (snnTorch&apos;s Synaptic): the input first charges a synaptic current that decays by α, which then feeds a leaky membrane (β, threshold θ).</source>
        <translation>Neuronas LIF de segundo orden (Synaptic de snnTorch): la entrada carga primero una corriente sináptica que decae por α y que alimenta una membrana con fugas (β, umbral θ).</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>As the first layer, a binary layer keeps a float input (no input quantizer): Larq&apos;s tutorial keeps the first layer&apos;s input in full precision, because binarizing the raw image throws most of it away. Its weights stay binary.</source>
        <translation>Como primera capa, una capa binaria conserva una entrada en punto flotante (sin cuantizador de entrada): el tutorial de Larq mantiene la entrada de la primera capa en precisión completa, porque binarizar la imagen original descarta la mayor parte de su información. Sus pesos siguen siendo binarios.</translation>
    </message>
</context>
<context>
    <name>qb::LayerPropertiesForm</name>
    <message>
        <location filename="../widgets/inspector/layerpropertiesform.cpp" line="+29"/>
        <source>2-D convolution: slides &apos;filters&apos; learned kernels over the feature maps; each output channel is one kernel&apos;s response.</source>
        <translation>Convolución 2D: desliza sobre los mapas de características tantos núcleos aprendidos como indica &apos;Filtros&apos;; cada canal de salida es la respuesta de un núcleo.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Fully connected layer: every output is a weighted sum of all inputs.</source>
        <translation>Capa totalmente conectada: cada salida es una suma ponderada de todas las entradas.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Batch normalization: normalizes each channel with its mean and variance, then scales (gamma) and shifts (beta).</source>
        <translation>Normalización por lotes: normaliza cada canal con su media y su varianza, y luego escala (gamma) y desplaza (beta).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Max pooling: keeps the largest value of each window.</source>
        <translation>Pooling máximo: conserva el valor mayor de cada ventana.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Average pooling: keeps the mean of each window.</source>
        <translation>Pooling promedio: conserva la media de cada ventana.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Flatten: turns C x H x W feature maps into one vector of C*H*W values, as dense layers need.</source>
        <translation>Flatten: convierte mapas de características de C x H x W en un vector de C*H*W valores, como necesitan las capas dense.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Dropout: during training, zeroes a random fraction of the values (and scales the rest up); does nothing at evaluation.</source>
        <translation>Dropout: durante el entrenamiento, pone a cero una fracción aleatoria de los valores (y escala al alza el resto); no hace nada en la evaluación.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Activation: applies a function to every value.</source>
        <translation>Activación: aplica una función a cada valor.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Leaky integrate-and-fire neurons: every value is a membrane that decays by beta each time step, adds its input, and emits a spike (1) when it crosses the threshold.</source>
        <translation>Neuronas de integración y disparo con fugas: cada valor es una membrana que decae por beta en cada paso de tiempo, suma su entrada y emite un impulso (1) cuando cruza el umbral.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Synaptic neurons: the input charges a synaptic current that decays by alpha; the current feeds a leaky membrane that spikes at the threshold.</source>
        <translation>Neuronas sinápticas: la entrada carga una corriente sináptica que decae por alfa; la corriente alimenta una membrana con fugas que dispara al llegar al umbral.</translation>
    </message>
    <message>
        <location line="+99"/>
        <source>Type</source>
        <translation>Tipo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The kind of layer (its JSON name). To change it, insert a new layer in the editor.</source>
        <translation>El tipo de capa (su nombre en JSON). Para cambiarlo, insertar una capa nueva en el editor.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A unique name for the layer, used in the summary and in exported weights. Leave empty for an automatic one.</source>
        <translation>Un nombre único para la capa, usado en el resumen y en los pesos exportados. Dejarlo vacío para usar uno automático.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Shape</source>
        <translation>Forma</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Shape of one sample entering and leaving the layer: channels x height x width for feature maps, a single number for a flat vector.</source>
        <translation>Forma de una muestra al entrar en la capa y al salir de ella: canales x alto x ancho para mapas de características, un solo número para un vector plano.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Filters</source>
        <translation>Filtros</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Number of kernels, i.e. output channels of the convolution.</source>
        <translation>Número de núcleos, es decir, de canales de salida de la convolución.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Units</source>
        <translation>Unidades</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Number of outputs (neurons). The last dense layer needs one per class.</source>
        <translation>Número de salidas (neuronas). La última capa dense necesita una por clase.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Kernel size</source>
        <translation>Tamaño del núcleo</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Height x width of each convolution kernel, in pixels.</source>
        <translation>Alto x ancho de cada núcleo de convolución, en píxeles.</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+73"/>
        <source>Stride</source>
        <translation>Paso</translation>
    </message>
    <message>
        <location line="-72"/>
        <source>How far the kernel moves between outputs (height x width); 2 halves the output size.</source>
        <translation>Cuánto se desplaza el núcleo entre salidas (alto x ancho); 2 reduce a la mitad el tamaño de la salida.</translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+10"/>
        <source>valid (no padding)</source>
        <translation>valid (sin relleno)</translation>
    </message>
    <message>
        <location line="-9"/>
        <source>same (output = input / stride)</source>
        <translation>same (salida = entrada / paso)</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+9"/>
        <source>explicit amount</source>
        <translation>cantidad explícita</translation>
    </message>
    <message>
        <location line="-8"/>
        <location line="+9"/>
        <source>Padding</source>
        <translation>Relleno</translation>
    </message>
    <message>
        <location line="-8"/>
        <source>Zeros added around the input. valid: none, the output shrinks by kernel - 1; same: as many as needed to keep the size (divided by the stride); explicit: the amount below on every side.</source>
        <translation>Ceros añadidos alrededor de la entrada. valid: ninguno, la salida se reduce en núcleo - 1; same: tantos como hagan falta para mantener el tamaño (dividido por el paso); cantidad explícita: la cantidad indicada abajo en cada lado.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Padding around the input of the pooling window. valid: none; explicit: the amount below on every side (at most half the pool size).</source>
        <translation>Relleno alrededor de la entrada de la ventana de pooling. valid: ninguno; cantidad explícita: la cantidad indicada abajo en cada lado (como máximo la mitad del tamaño de la ventana).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Padding amount</source>
        <translation>Cantidad de relleno</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Pixels of padding on each side; used when the padding is &apos;explicit&apos;.</source>
        <translation>Píxeles de relleno en cada lado; se usa cuando el relleno es &apos;cantidad explícita&apos;.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>add a learned bias</source>
        <translation>añadir un sesgo aprendido</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Bias</source>
        <translation>Sesgo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add a learned offset to every output channel. Binarized networks usually leave it off, since a following batch norm has its own shift.</source>
        <translation>Añadir un desplazamiento aprendido a cada canal de salida. Las redes binarizadas suelen desactivarlo, ya que una normalización por lotes posterior tiene su propio desplazamiento.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>clip to ±</source>
        <translation>recortar a ±</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Weight clip</source>
        <translation>Recorte de pesos</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>After each training step, clamp the latent float weights to [-c, c]. With a sign quantizer and c = 1 (Larq&apos;s weight_clip), weights cannot drift far from where their sign can still change. Unchecked: no clip.</source>
        <translation>Tras cada paso de entrenamiento, recortar los pesos latentes en punto flotante a [-c, c]. Con un cuantizador de signo y c = 1 (el weight_clip de Larq), los pesos no pueden alejarse mucho de la zona en la que su signo aún puede cambiar. Sin marcar: sin recorte.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>learn a scale (gamma)</source>
        <translation>aprender una escala (gamma)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Scale</source>
        <translation>Escala</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Multiply the normalized values by a learned gamma per channel. Before a sign activation it has no effect on the output, so BNNs turn it off.</source>
        <translation>Multiplicar los valores normalizados por una gamma aprendida por canal. Antes de una activación de signo no influye en la salida, por lo que las BNN la desactivan.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>learn a shift (beta)</source>
        <translation>aprender un desplazamiento (beta)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Center</source>
        <translation>Centrado</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Add a learned beta per channel after normalizing.</source>
        <translation>Añadir una beta aprendida por canal después de normalizar.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Momentum</source>
        <translation>Momento</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Weight of the old value when updating the running mean and variance (Keras convention; 0.9 equals PyTorch&apos;s momentum 0.1). Must be below 1.</source>
        <translation>Peso del valor anterior al actualizar la media y la varianza móviles (convención de Keras; 0.9 equivale al momentum 0.1 de PyTorch). Debe ser menor que 1.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Epsilon</source>
        <translation>Épsilon</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Small number added to the variance so that the division never divides by 0.</source>
        <translation>Número pequeño que se suma a la varianza para que la división nunca sea entre 0.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Pool size</source>
        <translation>Tamaño de la ventana</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Height x width of the pooling window.</source>
        <translation>Alto x ancho de la ventana de pooling.</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+1"/>
        <source>pool size</source>
        <translation>tamaño de ventana</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>How far the window moves between outputs; 0 (&apos;pool size&apos;) means windows side by side without overlap.</source>
        <translation>Cuánto se desplaza la ventana entre salidas; 0 (&apos;tamaño de ventana&apos;) significa ventanas contiguas sin solapamiento.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Rate</source>
        <translation>Tasa</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Fraction of values set to zero in each training step (0 to below 1).</source>
        <translation>Fracción de valores que se ponen a cero en cada paso de entrenamiento (de 0 a menos de 1).</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Identity: passes values through unchanged.</source>
        <translation>Identidad: deja pasar los valores sin cambios.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>max(0, x): the usual activation of float networks.</source>
        <translation>max(0, x): la activación habitual de las redes en punto flotante.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>clamp(x, -1, 1): keeps values where a sign quantizer&apos;s straight-through gradient is non-zero.</source>
        <translation>clamp(x, -1, 1): mantiene los valores donde el gradiente de paso directo de un cuantizador de signo no es cero.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>tanh(x): a smooth squashing to (-1, 1).</source>
        <translation>tanh(x): una compresión suave a (-1, 1).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Turns class scores into probabilities; only allowed as the last layer.</source>
        <translation>Convierte las puntuaciones de clase en probabilidades; solo se permite como última capa.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Function</source>
        <translation>Función</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>The function applied to every value.</source>
        <translation>La función que se aplica a cada valor.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Flatten has no parameters.</source>
        <translation>Flatten no tiene parámetros.</translation>
    </message>
    <message>
        <location line="+86"/>
        <source>automatic (%1)</source>
        <translation>automático (%1)</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>%1 → %2</source>
        <translation>%1 → %2</translation>
    </message>
</context>
<context>
    <name>qb::LocalGridExecutor</name>
    <message>
        <location filename="../core/train/gridrunner.cpp" line="+98"/>
        <source>cannot start %1: %2</source>
        <translation>no se puede iniciar %1: %2</translation>
    </message>
</context>
<context>
    <name>qb::MainWindow</name>
    <message>
        <location filename="../widgets/mainwindow.cpp" line="+72"/>
        <source>Ready. Drag layers from the palette, pick quantizers in the inspector, then press Train.</source>
        <translation>Listo. Arrastrar capas desde la paleta, elegir los cuantizadores en Propiedades y pulsar Entrenar.</translation>
    </message>
    <message>
        <location line="+104"/>
        <source>Layers</source>
        <translation>Capas</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Inspector</source>
        <translation>Propiedades</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Model summary</source>
        <translation>Resumen del modelo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Training</source>
        <translation>Entrenamiento</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Curves</source>
        <translation>Curvas</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>History</source>
        <translation>Historial</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Comparison</source>
        <translation>Comparación</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Run details</source>
        <translation>Detalles de la ejecución</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Spikes</source>
        <translation>Impulsos</translation>
    </message>
    <message>
        <location line="+111"/>
        <source>&amp;File</source>
        <translation>&amp;Archivo</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Quit</source>
        <translation>&amp;Salir</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Edit</source>
        <translation>&amp;Editar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Undo</source>
        <translation>&amp;Deshacer</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Redo</source>
        <translation>&amp;Rehacer</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>D&amp;uplicate layer</source>
        <translation>D&amp;uplicar capa</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Delete layer</source>
        <translation>&amp;Eliminar capa</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Batch apply…</source>
        <translation>Aplicar a &amp;todas las capas…</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;View</source>
        <translation>&amp;Ver</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Reset layout</source>
        <translation>&amp;Restablecer disposición</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Run</source>
        <translation>E&amp;jecutar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Train</source>
        <translation>&amp;Entrenar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Stop</source>
        <translation>&amp;Detener</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>&amp;Settings</source>
        <translation>&amp;Configuración</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Language</source>
        <translation>&amp;Idioma</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>System language</source>
        <translation>Idioma del sistema</translation>
    </message>
    <message>
        <location line="+7"/>
        <location line="+3"/>
        <location line="+3"/>
        <source>Language</source>
        <translation>Idioma</translation>
    </message>
    <message>
        <location line="-5"/>
        <source>The language can be changed when the running analysis has finished.</source>
        <translation>El idioma se puede cambiar cuando termine el análisis en curso.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The language can be changed when the running grid has finished.</source>
        <translation>El idioma se puede cambiar cuando termine la rejilla en curso.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The language can be changed when the current run has finished.</source>
        <translation>El idioma se puede cambiar cuando termine la ejecución actual.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Help</source>
        <translation>Ay&amp;uda</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;About QuantBench</source>
        <translation>&amp;Acerca de QuantBench</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>About QuantBench</source>
        <translation>Acerca de QuantBench</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&lt;b&gt;QuantBench&lt;/b&gt; %1&lt;br&gt;A workbench for binary, ternary and few-bit neural networks and simulated hardware nonidealities.&lt;br&gt;Qt %2.</source>
        <translation>&lt;b&gt;QuantBench&lt;/b&gt; %1&lt;br&gt;Un banco de trabajo para redes neuronales binarias, ternarias y de pocos bits, y para simular no idealidades del hardware.&lt;br&gt;Qt %2.</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>The training settings are those %1 was published with.</source>
        <translation>Los ajustes de entrenamiento son aquellos con los que se publicó %1.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>run %1 (seed %2 of %3)</source>
        <translation>ejecución %1 (semilla %2 de %3)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>run %1</source>
        <translation>ejecución %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Training %1…</source>
        <translation>Entrenando %1…</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Training failed: %1</source>
        <translation>Falló el entrenamiento: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Run %1 ended: %2</source>
        <translation>Ejecución %1 finalizada: %2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Run %1 ended: %2: %3</source>
        <translation>Ejecución %1 finalizada: %2: %3</translation>
    </message>
    <message>
        <location line="+43"/>
        <location line="+69"/>
        <source>Training can start when the running analysis has finished.</source>
        <translation>El entrenamiento puede empezar cuando termine el análisis en curso.</translation>
    </message>
    <message>
        <location line="-59"/>
        <source>Export waits until training has finished</source>
        <translation>La exportación espera a que termine el entrenamiento</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Export waits until the running analysis has finished</source>
        <translation>La exportación espera a que termine el análisis en curso</translation>
    </message>
    <message>
        <location line="+46"/>
        <source>Opened %1: its network, training settings and dataset</source>
        <translation>Abierta %1: su red, sus ajustes de entrenamiento y su conjunto de datos</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>%1[*] — QuantBench</source>
        <translation>%1[*] — QuantBench</translation>
    </message>
    <message>
        <location line="+49"/>
        <source>Training in progress</source>
        <translation>Entrenamiento en curso</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A run is training. Stop it (it is kept in the history as cancelled) and quit?</source>
        <translation>Hay una ejecución entrenándose. ¿Detenerla (se conserva en el historial como cancelada) y salir?</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Analysis in progress</source>
        <translation>Análisis en curso</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>An evaluation or sweep is running. Cancel it (nothing is stored) and quit?</source>
        <translation>Hay una evaluación o un barrido en curso. ¿Cancelarlo (no se guarda nada) y salir?</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Grid in progress</source>
        <translation>Rejilla en curso</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A grid is running. Stop its trials (start the same grid again to go on) and quit?</source>
        <translation>Hay una rejilla en curso. ¿Detener sus ensayos (inicie la misma rejilla de nuevo para continuar) y salir?</translation>
    </message>
</context>
<context>
    <name>qb::NetworkCanvas</name>
    <message>
        <location filename="../widgets/editor/networkcanvas.cpp" line="+266"/>
        <source>D&amp;uplicate</source>
        <translation>D&amp;uplicar</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Delete</source>
        <translation>&amp;Eliminar</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Move &amp;up</source>
        <translation>&amp;Subir</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Move d&amp;own</source>
        <translation>&amp;Bajar</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Insert after</source>
        <translation>&amp;Insertar después</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>&amp;Insert at top</source>
        <translation>&amp;Insertar al principio</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>Drag layers here from the palette</source>
        <translation>Arrastrar capas aquí desde la paleta</translation>
    </message>
</context>
<context>
    <name>qb::NetworkDocument</name>
    <message>
        <location filename="../core/document/editlayercommand.cpp" line="+19"/>
        <source>Edit %1</source>
        <translation>Editar %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Edit %1 of %2</source>
        <translation>Editar %1 de %2</translation>
    </message>
    <message>
        <location filename="../core/document/movelayercommand.cpp" line="+14"/>
        <source>Move %1</source>
        <translation>Mover %1</translation>
    </message>
    <message>
        <location filename="../core/document/networkdocument.cpp" line="+42"/>
        <source>untitled</source>
        <translation>sin título</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>Insert %1</source>
        <translation>Insertar %1</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Duplicate %1</source>
        <translation>Duplicar %1</translation>
    </message>
    <message>
        <location filename="../core/document/removelayercommand.cpp" line="+14"/>
        <source>Delete %1</source>
        <translation>Eliminar %1</translation>
    </message>
</context>
<context>
    <name>qb::NetworkFileActions</name>
    <message>
        <location filename="../widgets/networkfileactions.cpp" line="+3"/>
        <source>QuantBench experiments (*.json);;All files (*)</source>
        <translation>Experimentos de QuantBench (*.json);;Todos los archivos (*)</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>&amp;New network</source>
        <translation>&amp;Nueva red</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Open network…</source>
        <translation>&amp;Abrir red…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open &amp;recent</source>
        <translation>Abrir &amp;reciente</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Presets</source>
        <translation>&amp;Preajustes</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Save network</source>
        <translation>&amp;Guardar red</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save network &amp;as…</source>
        <translation>Guardar red &amp;como…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Open e&amp;xperiment…</source>
        <translation>Abrir e&amp;xperimento…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open a network together with its training settings and dataset</source>
        <translation>Abre una red junto con sus ajustes de entrenamiento y su conjunto de datos</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Save &amp;experiment…</source>
        <translation>Guardar &amp;experimento…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save the network with the training settings and dataset, as quantbench-cli train --experiment reads it</source>
        <translation>Guarda la red con los ajustes de entrenamiento y el conjunto de datos, tal como lo lee quantbench-cli train --experiment</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Unsaved changes</source>
        <translation>Cambios sin guardar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The network “%1” has unsaved changes. Save them first?</source>
        <translation>La red “%1” tiene cambios sin guardar. ¿Guardarlos primero?</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>untitled</source>
        <translation>sin título</translation>
    </message>
    <message>
        <location line="+17"/>
        <location line="+9"/>
        <source>Open network</source>
        <translation>Abrir red</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Open preset</source>
        <translation>Abrir preajuste</translation>
    </message>
    <message>
        <location line="+13"/>
        <location line="+14"/>
        <source>Save network</source>
        <translation>Guardar red</translation>
    </message>
    <message>
        <location line="-7"/>
        <source>Save network as</source>
        <translation>Guardar red como</translation>
    </message>
    <message>
        <location line="+27"/>
        <location line="+9"/>
        <source>Open experiment</source>
        <translation>Abrir experimento</translation>
    </message>
    <message>
        <location line="+14"/>
        <location line="+19"/>
        <source>Save experiment</source>
        <translation>Guardar experimento</translation>
    </message>
</context>
<context>
    <name>qb::NetworkPropertiesForm</name>
    <message>
        <location filename="../widgets/inspector/networkpropertiesform.cpp" line="+38"/>
        <source>input size and class count</source>
        <translation>tamaño y clases</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>The network&apos;s name, shown in titles and stored with every run.</source>
        <translation>El nombre de la red, que se muestra en los títulos y se guarda con cada ejecución.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Description</source>
        <translation>Descripción</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Free text: what the network is for, where it comes from.</source>
        <translation>Texto libre: para qué sirve la red, de dónde procede.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>image (channels x height x width)</source>
        <translation>imagen (canales x alto x ancho)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>flat vector of features</source>
        <translation>vector plano de características</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Input</source>
        <translation>Entrada</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>What one sample looks like: an image (1 x 28 x 28 for MNIST, 3 x 32 x 32 for CIFAR-10) or a vector of numbers (a table row, or a flattened image for a multilayer perceptron).</source>
        <translation>Cómo es una muestra: una imagen (1 x 28 x 28 para MNIST, 3 x 32 x 32 para CIFAR-10) o un vector de números (una fila de una tabla, o una imagen aplanada para un perceptrón multicapa).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Channels</source>
        <translation>Canales</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Colour channels of the input image: 1 for grey, 3 for RGB.</source>
        <translation>Canales de color de la imagen de entrada: 1 para escala de grises, 3 para RGB.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Height</source>
        <translation>Alto</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Height of the input image in pixels.</source>
        <translation>Alto de la imagen de entrada, en píxeles.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Width</source>
        <translation>Ancho</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Width of the input image in pixels.</source>
        <translation>Ancho de la imagen de entrada, en píxeles.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Features</source>
        <translation>Características</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Number of values in one input vector.</source>
        <translation>Número de valores de un vector de entrada.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>From dataset</source>
        <translation>Desde los datos</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>When training, size the input after the dataset&apos;s samples and the last dense layer after its number of classes, like a Keras model that infers its input shape. For networks meant for several datasets.</source>
        <translation>Al entrenar, ajustar la entrada al tamaño de las muestras del conjunto de datos y la última capa dense a su número de clases, como un modelo de Keras que infiere la forma de su entrada. Para redes pensadas para varios conjuntos de datos.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Rename network</source>
        <translation>Renombrar la red</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Adapt network to the dataset</source>
        <translation>Adaptar la red al conjunto de datos</translation>
    </message>
    <message>
        <location line="+46"/>
        <source>Change input shape to %1</source>
        <translation>Cambiar la forma de entrada a %1</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Edit network description</source>
        <translation>Editar la descripción de la red</translation>
    </message>
</context>
<context>
    <name>qb::NeuronPropertiesForm</name>
    <message>
        <location filename="../widgets/inspector/neuronpropertiesform.cpp" line="+56"/>
        <location line="+6"/>
        <location line="+5"/>
        <source>learned</source>
        <translation>aprendido</translation>
    </message>
    <message>
        <location line="-10"/>
        <source>Beta (β)</source>
        <translation>Factor β</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Membrane decay per time step: the membrane keeps β of its value (0: no memory, 1: a perfect integrator). &apos;learned&apos; trains it with the weights.</source>
        <translation>Decaimiento de la membrana por paso de tiempo: la membrana conserva β de su valor (0: sin memoria, 1: un integrador perfecto). &apos;aprendido&apos; lo entrena junto con los pesos.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Alpha (α)</source>
        <translation>Factor α</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Synaptic current decay per time step (synaptic neurons only). &apos;learned&apos; trains it.</source>
        <translation>Decaimiento de la corriente sináptica por paso de tiempo (solo neuronas sinápticas). &apos;aprendido&apos; lo entrena.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Threshold (θ)</source>
        <translation>Umbral (θ)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A neuron spikes when its membrane exceeds the threshold. &apos;learned&apos; trains it.</source>
        <translation>Una neurona dispara cuando su membrana supera el umbral. &apos;aprendido&apos; lo entrena.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>subtract θ</source>
        <translation>restar θ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>to zero</source>
        <translation>a cero</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>none</source>
        <translation>ninguno</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reset</source>
        <translation>Reinicio</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>What a spike does to the membrane: subtract the threshold (snnTorch&apos;s default), set it to zero, or nothing.</source>
        <translation>Lo que un impulso hace a la membrana: restarle el umbral (por defecto en snnTorch), ponerla a cero o nada.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>reset at the next step</source>
        <translation>reiniciar en el paso siguiente</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reset delay</source>
        <translation>Retardo del reinicio</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Checked (snnTorch&apos;s default): the reset of a spike applies at the next time step, so the returned membrane still shows the crossing. Unchecked: it applies at once.</source>
        <translation>Marcado (por defecto en snnTorch): el reinicio de un impulso se aplica en el paso de tiempo siguiente, de modo que la membrana devuelta aún muestra el cruce. Sin marcar: se aplica de inmediato.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Surrogate</source>
        <translation>Sustituto</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The smooth stand-in for the spike&apos;s step function used by the backward pass: arctangent (snnTorch&apos;s default), fast sigmoid, sigmoid, or straight-through.</source>
        <translation>La función suave que sustituye al escalón del impulso en el paso hacia atrás: arcotangente (por defecto en snnTorch), sigmoide rápida, sigmoide o straight-through.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>default</source>
        <translation>por defecto</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Slope</source>
        <translation>Pendiente</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Steepness of the surrogate gradient; 0 (&apos;default&apos;) takes the surrogate&apos;s own: 2 for atan, 25 for the sigmoids.</source>
        <translation>Pendiente del gradiente sustituto; 0 (&apos;por defecto&apos;) toma la propia del sustituto: 2 para atan, 25 para las sigmoides.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>off</source>
        <translation>desactivado</translation>
    </message>
    <message>
        <location line="+1"/>
        <source> bits</source>
        <translation> bits</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Membrane bits</source>
        <translation>Bits de la membrana</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Quantize the membrane to 2^bits levels evenly spaced over [-t(1 + lower), t(1 + upper)], as snnTorch&apos;s state_quant does. 0 (&apos;off&apos;): a float membrane.</source>
        <translation>Cuantiza la membrana a 2^bits niveles repartidos por igual en [-t(1 + inferior), t(1 + superior)], como hace state_quant de snnTorch. 0 (&apos;desactivado&apos;): una membrana en coma flotante.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Levels threshold</source>
        <translation>Umbral de los niveles</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>t: the threshold the quantization levels are spaced around.</source>
        <translation>t: el umbral en torno al cual se reparten los niveles de cuantización.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Lower limit</source>
        <translation>Límite inferior</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>How far below -t the levels reach, as a fraction of t.</source>
        <translation>Hasta dónde llegan los niveles por debajo de -t, como fracción de t.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Upper limit</source>
        <translation>Límite superior</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>How far above t the levels reach, as a fraction of t.</source>
        <translation>Hasta dónde llegan los niveles por encima de t, como fracción de t.</translation>
    </message>
</context>
<context>
    <name>qb::NmnistReader</name>
    <message>
        <location filename="../core/data/nmnistreader.cpp" line="+27"/>
        <location line="+79"/>
        <location line="+89"/>
        <source>%1: %2 bytes is more than an N-MNIST file may have (%3 bytes, %4 events); is this an N-MNIST .bin file?</source>
        <translation>%1: %2 bytes son más de los que puede tener un archivo de N-MNIST (%3 bytes, %4 eventos); ¿es un archivo .bin de N-MNIST?</translation>
    </message>
    <message>
        <location line="-161"/>
        <source>%1: %2 bytes is not a whole number of 5-byte events: the last event, at byte %3, has only %4 bytes; is this an N-MNIST .bin file?</source>
        <translation>%1: %2 bytes no son un número entero de eventos de 5 bytes: el último evento, en el byte %3, solo tiene %4 bytes; ¿es un archivo .bin de N-MNIST?</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>%1: the event at byte %2 has x = %3, y = %4, outside the %5x%5 sensor (only y = %6, a time overflow marker, may lie outside it)</source>
        <translation>%1: el evento del byte %2 tiene x = %3, y = %4, fuera del sensor de %5x%5 (solo y = %6, una marca de desbordamiento del tiempo, puede quedar fuera)</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>%1: the event at byte %2 has time %3 us after the overflow markers before it, more than 32 bits hold</source>
        <translation>%1: el evento del byte %2 tiene el tiempo %3 us tras las marcas de desbordamiento anteriores, más de lo que caben en 32 bits</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1: the event at byte %2 has time %3 us, before the %4 us of the event before it (events must be in time order)</source>
        <translation>%1: el evento del byte %2 tiene el tiempo %3 us, anterior a los %4 us del evento previo (los eventos deben estar en orden temporal)</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>%1: file not found</source>
        <translation>%1: no se encontró el archivo</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1: is a folder, not an N-MNIST .bin file</source>
        <translation>%1: es una carpeta, no un archivo .bin de N-MNIST</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1: cannot read the file: %2</source>
        <translation>%1: no se puede leer el archivo: %2</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>%1: cannot read the file: read %2 of %3 bytes (%4)</source>
        <translation>%1: no se puede leer el archivo: leídos %2 de %3 bytes (%4)</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>%1: folder not found (an N-MNIST split folder holds the digit folders 0 to 9 of .bin files)</source>
        <translation>%1: no se encontró la carpeta (una carpeta de partición de N-MNIST contiene las carpetas de dígitos 0 a 9 con archivos .bin)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1: is a file, not an N-MNIST split folder</source>
        <translation>%1: es un archivo, no una carpeta de partición de N-MNIST</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1: folder not found (N-MNIST keeps the samples of digit %2 there)</source>
        <translation>%1: no se encontró la carpeta (N-MNIST guarda ahí las muestras del dígito %2)</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>%1: the folder holds no .bin files (N-MNIST keeps the samples of digit %2 there)</source>
        <translation>%1: la carpeta no contiene archivos .bin (N-MNIST guarda ahí las muestras del dígito %2)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1: more than %2 files in the split</source>
        <translation>%1: más de %2 archivos en la partición</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>%1: the .bin files of the split add up to more than %2 bytes</source>
        <translation>%1: los archivos .bin de la partición suman más de %2 bytes</translation>
    </message>
</context>
<context>
    <name>qb::NoiseSweepDialog</name>
    <message>
        <location filename="../widgets/analysis/noisesweepdialog.cpp" line="+38"/>
        <source>Noise sweep</source>
        <translation>Barrido de ruido</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Evaluates the trained run on simulated chips at every value of one nonideality parameter (as quantbench-cli sweep noise does). Every conv/dense layer gets that nonideality at evaluation: its existing evaluation instance, or a new one with default parameters. The trained weights are not changed; the result is stored as a sweep of the run.</source>
        <translation>Evalúa la ejecución entrenada en chips simulados con cada valor de un parámetro de no idealidad (como hace quantbench-cli sweep noise). Cada capa conv/dense recibe esa no idealidad en la evaluación: su instancia de evaluación existente o una nueva con los parámetros predeterminados. Los pesos entrenados no se modifican; el resultado se guarda como un barrido de la ejecución.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Swept parameter</source>
        <translation>Parámetro barrido</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>&amp;Parameter:</source>
        <translation>&amp;Parámetro:</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Numbers separated by commas, with a point as the decimal separator.</source>
        <translation>Números separados por comas, con punto como separador decimal.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Values:</source>
        <translation>&amp;Valores:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Simulated chips</source>
        <translation>Chips simulados</translation>
    </message>
    <message>
        <location line="+62"/>
        <source>Values: &apos;%1&apos; is not a number (write numbers separated by commas, e.g. 0, 0.05, 0.1).</source>
        <translation>Valores: &apos;%1&apos; no es un número (escribir números separados por comas, p. ej. 0, 0.05, 0.1).</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Values: %1 = %2: %3</source>
        <translation>Valores: %1 = %2: %3</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Values: enter at least one number (separated by commas).</source>
        <translation>Valores: introducir al menos un número (separados por comas).</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Parameter: choose a nonideality parameter to sweep.</source>
        <translation>Parámetro: elegir un parámetro de no idealidad que barrer.</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>%1 From %2 to %3, default %4.</source>
        <translation>%1 De %2 a %3; predeterminado: %4.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 Default %2.</source>
        <translation>%1 Predeterminado: %2.</translation>
    </message>
</context>
<context>
    <name>qb::NonidealityListEditor</name>
    <message>
        <location filename="../widgets/inspector/nonidealitylisteditor.cpp" line="+28"/>
        <source>Drawn once per simulated chip (a fixed pattern), not on every forward pass.</source>
        <translation>Se muestrea una vez por chip simulado (un patrón fijo), no en cada pasada hacia adelante.</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Add</source>
        <translation>Añadir</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add a simulated hardware nonideality to this layer.</source>
        <translation>Añadir a esta capa una no idealidad del hardware simulada.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Remove</source>
        <translation>Quitar</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Remove the selected nonideality.</source>
        <translation>Quitar la no idealidad seleccionada.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Up</source>
        <translation>Subir</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Apply the selected nonideality earlier (they act in list order).</source>
        <translation>Aplicar antes la no idealidad seleccionada (actúan en el orden de la lista).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Down</source>
        <translation>Bajar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Apply the selected nonideality later (they act in list order).</source>
        <translation>Aplicar después la no idealidad seleccionada (actúan en el orden de la lista).</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Hardware effects simulated in this layer, applied from top to bottom. Nothing listed: an ideal device.</source>
        <translation>Efectos del hardware simulados en esta capa, aplicados de arriba abajo. Lista vacía: un dispositivo ideal.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1 (per chip)</source>
        <translation>%1 (por chip)</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>training and evaluation</source>
        <translation>entrenamiento y evaluación</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>training only</source>
        <translation>solo entrenamiento</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>evaluation only</source>
        <translation>solo evaluación</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>When the effect acts: during training (noise-aware training makes the network robust to it), during evaluation (how an ideally trained network fares on the device), or both.</source>
        <translation>Cuándo actúa el efecto: durante el entrenamiento (el entrenamiento consciente del ruido hace a la red robusta frente a él), durante la evaluación (cómo se comporta en el dispositivo una red entrenada de forma ideal) o en ambos.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Acts during</source>
        <translation>Actúa durante</translation>
    </message>
    <message>
        <location line="+67"/>
        <source>Unknown nonideality model.</source>
        <translation>Modelo de no idealidad desconocido.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Problem: %1</source>
        <translation>Problema: %1</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>Unknown nonideality model &apos;%1&apos;.</source>
        <translation>Modelo de no idealidad desconocido &apos;%1&apos;.</translation>
    </message>
</context>
<context>
    <name>qb::ParameterEditor</name>
    <message>
        <location filename="../widgets/inspector/parametereditor.cpp" line="+56"/>
        <source>No parameters.</source>
        <translation>Sin parámetros.</translation>
    </message>
    <message>
        <location line="+131"/>
        <source>enabled</source>
        <translation>activado</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Optional parameter: when unchecked it is left out of the spec, which disables it.
%1</source>
        <translation>Parámetro opcional: si no está marcado, se omite de la especificación, lo que lo desactiva.
%1</translation>
    </message>
</context>
<context>
    <name>qb::PlotExport</name>
    <message>
        <location filename="../widgets/common/plotexport.cpp" line="+45"/>
        <source>%1: unknown plot format &apos;%2&apos; (use .png, .pdf or .svg)</source>
        <translation>%1: formato de gráfico desconocido &apos;%2&apos; (usar .png, .pdf o .svg)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1: could not write the plot</source>
        <translation>%1: no se pudo escribir el gráfico</translation>
    </message>
    <message>
        <location line="+8"/>
        <location line="+18"/>
        <source>Export plot</source>
        <translation>Exportar gráfico</translation>
    </message>
    <message>
        <location line="-17"/>
        <source>PNG image (*.png);;PDF document (*.pdf);;SVG drawing (*.svg)</source>
        <translation>Imagen PNG (*.png);;Documento PDF (*.pdf);;Dibujo SVG (*.svg)</translation>
    </message>
    <message>
        <location line="+22"/>
        <location filename="../widgets/history/confusionview.cpp" line="-297"/>
        <source>Export…</source>
        <translation>Exportar…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Save this plot as a PNG image, a PDF document or an SVG drawing.</source>
        <translation>Guardar este gráfico como imagen PNG, documento PDF o dibujo SVG.</translation>
    </message>
</context>
<context>
    <name>qb::PtqSweepDialog</name>
    <message>
        <location filename="../widgets/analysis/ptqsweepdialog.cpp" line="+17"/>
        <source>Fixed-point sweep</source>
        <translation>Barrido de punto fijo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Evaluates the trained run with its weights and/or activations rounded to fixed point, round(x·2^f)/2^f in a saturating signed word, for every number of fraction bits f (as quantbench-cli sweep ptq does). The stored float weights are not changed; the result is stored as a sweep of the run.</source>
        <translation>Evalúa la ejecución entrenada con sus pesos y/o activaciones redondeados a punto fijo, round(x·2^f)/2^f en una palabra con signo y saturación, para cada número de bits fraccionarios f (como hace quantbench-cli sweep ptq). Los pesos en punto flotante guardados no se modifican; el resultado se guarda como un barrido de la ejecución.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Fixed point</source>
        <translation>Punto fijo</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>to</source>
        <translation>a</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Fraction bits:</source>
        <translation>Bits &amp;fraccionarios:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Every number of fraction bits from the first to the last is one point.</source>
        <translation>Cada número de bits fraccionarios, del primero al último, es un punto.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Word size in bits including the sign; it must exceed every fraction-bit count.</source>
        <translation>Tamaño de palabra en bits, incluido el signo; debe superar todos los números de bits fraccionarios.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Word bits:</source>
        <translation>&amp;Bits de palabra:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Weights and activations</source>
        <translation>Pesos y activaciones</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Weights only</source>
        <translation>Solo pesos</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Activations only (input and layer outputs)</source>
        <translation>Solo activaciones (entrada y salidas de capa)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Quantize:</source>
        <translation>&amp;Cuantizar:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Evaluation</source>
        <translation>Evaluación</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Test images:</source>
        <translation>&amp;Imágenes de prueba:</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Fraction bits: the first value (%1) is above the last (%2).</source>
        <translation>Bits fraccionarios: el primer valor (%1) es mayor que el último (%2).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Fraction bits: %1 do not fit a signed word of %2 bits (word bits must exceed every fraction-bit count).</source>
        <translation>Bits fraccionarios: %1 no caben en una palabra con signo de %2 bits (los bits de palabra deben superar todos los números de bits fraccionarios).</translation>
    </message>
</context>
<context>
    <name>qb::QuantizerEditor</name>
    <message>
        <location filename="../widgets/inspector/quantizereditor.cpp" line="+21"/>
        <source>Bits per value: set by the parameter &apos;%1&apos;.</source>
        <translation>Bits por valor: los fija el parámetro &apos;%1&apos;.</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>Bits per value: %n.</source>
        <translation>
            <numerusform>Bits por valor: %n.</numerusform>
            <numerusform>Bits por valor: %n.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+21"/>
        <source>How the layer&apos;s weights are quantized in the forward pass. The latent float weights are kept for training; the backward pass uses the quantizer&apos;s gradient estimator.</source>
        <translation>Cómo se cuantizan los pesos de la capa en la pasada hacia adelante. Los pesos latentes en punto flotante se conservan para el entrenamiento; la pasada hacia atrás usa el estimador de gradiente del cuantizador.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>How the layer&apos;s inputs (the previous layer&apos;s activations) are quantized before the multiplication. &apos;none (float)&apos; keeps them in full precision.</source>
        <translation>Cómo se cuantizan las entradas de la capa (las activaciones de la capa anterior) antes de la multiplicación. &apos;ninguno (punto flotante)&apos; las mantiene en precisión completa.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>This quantizer has no parameters.</source>
        <translation>Este cuantizador no tiene parámetros.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>none (float)</source>
        <translation>ninguno (punto flotante)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No quantizer: full-precision 32-bit floats.</source>
        <translation>Sin cuantizador: valores en punto flotante de 32 bits, con precisión completa.</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>%1 (not available here)</source>
        <translation>%1 (no disponible aquí)</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Full precision: values stay 32-bit floats.</source>
        <translation>Precisión completa: los valores siguen en punto flotante de 32 bits.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Unknown quantizer &apos;%1&apos;.</source>
        <translation>Cuantizador desconocido &apos;%1&apos;.</translation>
    </message>
</context>
<context>
    <name>qb::ReferenceDialog</name>
    <message>
        <location filename="../widgets/help/referencedialog.cpp" line="+30"/>
        <source>Quantizer and nonideality reference</source>
        <translation>Referencia de cuantizadores y no idealidades</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Search names, descriptions and parameters…</source>
        <translation>Buscar en nombres, descripciones y parámetros…</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>Quantizers</source>
        <translation>Cuantizadores</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Hardware nonidealities</source>
        <translation>No idealidades del hardware</translation>
    </message>
</context>
<context>
    <name>qb::ReferencePages</name>
    <message>
        <location filename="../widgets/help/referencepages.cpp" line="+74"/>
        <source>No parameters.</source>
        <translation>Sin parámetros.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>parameter</source>
        <translation>parámetro</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>default</source>
        <translation>predeterminado</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>allowed</source>
        <translation>admitido</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>meaning</source>
        <translation>significado</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>true or false</source>
        <translation>true o false</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>whole number from %1 to %2</source>
        <translation>entero de %1 a %2</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 to %2</source>
        <translation>de %1 a %2</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>(optional: absent or 0 turns it off)</source>
        <translation>(opcional: ausente o 0 lo desactiva)</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>set by %1</source>
        <translation>lo fija %1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>inputs only</source>
        <translation>solo entradas</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>weights only</source>
        <translation>solo pesos</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>inputs and weights</source>
        <translation>entradas y pesos</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>name</source>
        <translation>nombre</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+13"/>
        <source>what it does</source>
        <translation>qué hace</translation>
    </message>
    <message>
        <location line="-13"/>
        <source>bits per value</source>
        <translation>bits por valor</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>used on</source>
        <translation>se usa en</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+13"/>
        <source>parameters (default)</source>
        <translation>parámetros (predeterminado)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>model</source>
        <translation>modelo</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>applied</source>
        <translation>se aplica</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>fixed per chip</source>
        <translation>fijo por chip</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>on every pass</source>
        <translation>en cada pasada</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Quantizers</source>
        <translation>Cuantizadores</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A conv or dense layer names a quantizer for its input and one for its weights, each with its parameters; missing parameters take their defaults. sign(0) = +1.</source>
        <translation>Una capa conv o dense indica un cuantizador para su entrada y otro para sus pesos, cada uno con sus parámetros; los parámetros que faltan toman su valor predeterminado. sign(0) = +1.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Hardware nonidealities</source>
        <translation>No idealidades del hardware</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A conv or dense layer carries a list of nonidealities, each acting in training, evaluation or both. Noise never changes the trained weights: it is drawn on every forward pass, or once per simulated chip.</source>
        <translation>Una capa conv o dense lleva una lista de no idealidades, cada una activa en el entrenamiento, en la evaluación o en ambos. El ruido nunca modifica los pesos entrenados: se muestrea en cada pasada hacia adelante o una vez por chip simulado.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Bits per value:</source>
        <translation>Bits por valor:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Used on:</source>
        <translation>Se usa en:</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+15"/>
        <source>Parameters</source>
        <translation>Parámetros</translation>
    </message>
    <message>
        <location line="-5"/>
        <source>Applied:</source>
        <translation>Se aplica:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>as a fixed pattern drawn once per simulated chip (in training, a fresh one on every pass)</source>
        <translation>como un patrón fijo muestreado una vez por chip simulado (en el entrenamiento, uno nuevo en cada pasada)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>on every forward pass</source>
        <translation>en cada pasada hacia adelante</translation>
    </message>
</context>
<context>
    <name>qb::RunBarChart</name>
    <message>
        <location filename="../widgets/history/runbarchart.cpp" line="+68"/>
        <source>Final test accuracy (%)</source>
        <translation>Exactitud de prueba final (%)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Final accuracy</source>
        <translation>Exactitud final</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>(select finished runs in the history)</source>
        <translation>(seleccionar ejecuciones terminadas en el historial)</translation>
    </message>
    <message>
        <location line="+69"/>
        <source>#%1</source>
        <translation>#%1</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>#%1 %2</source>
        <translation>#%1 %2</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>group %1 (n=%2)</source>
        <translation>grupo %1 (n=%2)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>mean %1 ± %2 (std over the runs)</source>
        <translation>media %1 ± %2 (desv. estándar entre las ejecuciones)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>#%1 %2: %3</source>
        <translation>#%1 %2: %3</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>final test accuracy %1</source>
        <translation>exactitud de prueba final %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>best test accuracy %1</source>
        <translation>mejor exactitud de prueba %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>network %1, dataset %2</source>
        <translation>red %1, conjunto de datos %2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>click to select the run in the history</source>
        <translation>clic para seleccionar la ejecución en el historial</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Final test accuracy of the selected runs</source>
        <translation>Exactitud de prueba final de las ejecuciones seleccionadas</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>Final test accuracy of %n selected run(s)</source>
        <translation>
            <numerusform>Exactitud de prueba final de %n ejecución seleccionada</numerusform>
            <numerusform>Exactitud de prueba final de %n ejecuciones seleccionadas</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>Final test accuracy of %n selected run(s) (groups: mean ± std)</source>
        <translation>
            <numerusform>Exactitud de prueba final de %n ejecución seleccionada (grupos: media ± desv. estándar)</numerusform>
            <numerusform>Exactitud de prueba final de %n ejecuciones seleccionadas (grupos: media ± desv. estándar)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>qb::RunBundle</name>
    <message>
        <location filename="../core/export/runbundle.cpp" line="+185"/>
        <source>the archive built in memory cannot be read back</source>
        <translation>no se puede volver a leer el archivo construido en memoria</translation>
    </message>
    <message>
        <location line="+121"/>
        <source>a string</source>
        <translation>una cadena</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>an integer</source>
        <translation>un entero</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>field &apos;%1&apos; must be at least %2</source>
        <translation>el campo &apos;%1&apos; debe ser al menos %2</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>a number or null</source>
        <translation>un número o null</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>an ISO 8601 time or null</source>
        <translation>una fecha y hora ISO 8601 o null</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>an ISO 8601 time</source>
        <translation>una fecha y hora ISO 8601</translation>
    </message>
    <message>
        <location line="+10"/>
        <location line="+6"/>
        <source>a list of strings</source>
        <translation>una lista de cadenas</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>a list</source>
        <translation>una lista</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>field &apos;%1&apos; is missing</source>
        <translation>falta el campo &apos;%1&apos;</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>field &apos;%1&apos; must be %2</source>
        <translation>el campo &apos;%1&apos; debe ser %2</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>%1 is not valid JSON (%2 at byte %3)</source>
        <translation>%1 no es un JSON válido (%2 en el byte %3)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 must hold a JSON object</source>
        <translation>%1 debe contener un objeto JSON</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>%1 is not UTF-8 text</source>
        <translation>%1 no es texto UTF-8</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 must start with the header line &quot;%2&quot;</source>
        <translation>%1 debe empezar con la línea de cabecera &quot;%2&quot;</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1, line %2</source>
        <translation>%1, línea %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 has %2 fields instead of 7</source>
        <translation>%1 tiene %2 campos en lugar de 7</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1: the epoch &apos;%2&apos; is not a whole number</source>
        <translation>%1: la época &apos;%2&apos; no es un número entero</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1: epoch %2 where epoch %3 was expected (epochs count from 1, in order)</source>
        <translation>%1: época %2 donde se esperaba la época %3 (las épocas se cuentan desde 1, en orden)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>%1: field %2 (&apos;%3&apos;) is not a number</source>
        <translation>%1: el campo %2 (&apos;%3&apos;) no es un número</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>%1: sweep %2</source>
        <translation>%1: barrido %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+22"/>
        <source>%1 must be a JSON object</source>
        <translation>%1 debe ser un objeto JSON</translation>
    </message>
    <message>
        <location line="-11"/>
        <source>%1: field &apos;kind&apos; is empty</source>
        <translation>%1: el campo &apos;kind&apos; está vacío</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1: field &apos;settings_json&apos; does not hold a JSON object</source>
        <translation>%1: el campo &apos;settings_json&apos; no contiene un objeto JSON</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1, point %2</source>
        <translation>%1, punto %2</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>%1: field &apos;accuracies&apos; must be a list of numbers</source>
        <translation>%1: el campo &apos;accuracies&apos; debe ser una lista de números</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>an entry has an empty name</source>
        <translation>una entrada tiene un nombre vacío</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>entry &apos;%1&apos; has a backslash in its name (a bundle holds plain top-level names)</source>
        <translation>la entrada &apos;%1&apos; tiene una barra invertida en su nombre (un paquete contiene solo nombres simples de nivel superior)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>entry &apos;%1&apos; has an absolute path</source>
        <translation>la entrada &apos;%1&apos; tiene una ruta absoluta</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>entry &apos;%1&apos; has a path outside the bundle</source>
        <translation>la entrada &apos;%1&apos; tiene una ruta fuera del paquete</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>entry &apos;%1&apos; is a folder or lies in one (a bundle holds top-level files only)</source>
        <translation>la entrada &apos;%1&apos; es una carpeta o está dentro de una (un paquete contiene solo archivos de nivel superior)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>entry &apos;%1&apos; is not part of a run bundle (unknown name)</source>
        <translation>la entrada &apos;%1&apos; no forma parte de un paquete de ejecución (nombre desconocido)</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>cannot write the bundle %1: %2</source>
        <translation>no se puede escribir el paquete %1: %2</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>run %1 has no saved weights (only runs that finished an epoch have them)</source>
        <translation>la ejecución %1 no tiene pesos guardados (solo los tienen las ejecuciones que completaron una época)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the weights file %1 cannot be read: %2</source>
        <translation>no se puede leer el archivo de pesos %1: %2</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>the weights file %1 is empty or cannot be read</source>
        <translation>el archivo de pesos %1 está vacío o no se puede leer</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>the experiment recorded for run %1 is not a JSON object</source>
        <translation>el experimento registrado para la ejecución %1 no es un objeto JSON</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>the experiment recorded for run %1 cannot be read: %2</source>
        <translation>no se puede leer el experimento registrado para la ejecución %1: %2</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>the network of run %1 is not valid: %2</source>
        <translation>la red de la ejecución %1 no es válida: %2</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Training curves</source>
        <translation>Curvas de entrenamiento</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>the zip archive cannot be built: %1</source>
        <translation>no se puede construir el archivo zip: %1</translation>
    </message>
    <message>
        <location line="+14"/>
        <location line="+280"/>
        <source>bundle %1: %2</source>
        <translation>paquete %1: %2</translation>
    </message>
    <message>
        <location line="-275"/>
        <source>the file does not exist</source>
        <translation>el archivo no existe</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>this is a folder, not a bundle file</source>
        <translation>es una carpeta, no un archivo de paquete</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the file is empty</source>
        <translation>el archivo está vacío</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the file is larger than %1 MiB, more than a bundle may be</source>
        <translation>el archivo ocupa más de %1 MiB, más de lo que puede ocupar un paquete</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+3"/>
        <source>the file cannot be read: %1</source>
        <translation>no se puede leer el archivo: %1</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>this is not a zip archive, so not a QuantBench run bundle</source>
        <translation>no es un archivo zip, así que no es un paquete de ejecución de QuantBench</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>two of its entries have the same name</source>
        <translation>dos de sus entradas tienen el mismo nombre</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the zip archive is damaged or cannot be opened (%1)</source>
        <translation>el archivo zip está dañado o no se puede abrir (%1)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>the archive holds no entries</source>
        <translation>el archivo no contiene entradas</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the archive holds %1 entries, more than a bundle has</source>
        <translation>el archivo contiene %1 entradas, más de las que tiene un paquete</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>entry %1 cannot be read: %2</source>
        <translation>no se puede leer la entrada %1: %2</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>entry &apos;%1&apos; appears twice</source>
        <translation>la entrada &apos;%1&apos; aparece dos veces</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>entry &apos;%1&apos; is encrypted</source>
        <translation>la entrada &apos;%1&apos; está cifrada</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>entry &apos;%1&apos; is compressed with a method QuantBench does not read (only stored and deflated entries)</source>
        <translation>la entrada &apos;%1&apos; está comprimida con un método que QuantBench no lee (solo entradas almacenadas sin compresión o comprimidas con deflate)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>entry &apos;%1&apos; does not declare its size</source>
        <translation>la entrada &apos;%1&apos; no declara su tamaño</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>entry &apos;%1&apos; declares %2 bytes, more than a bundle may hold (%3 MiB)</source>
        <translation>la entrada &apos;%1&apos; declara %2 bytes, más de lo que puede contener un paquete (%3 MiB)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>entry &apos;%1&apos; declares %2 bytes packed into %3 bytes, a ratio above %4:1 (refused, as zip bombs have)</source>
        <translation>la entrada &apos;%1&apos; declara %2 bytes comprimidos en %3 bytes, una proporción superior a %4:1 (se rechaza, como la de las bombas zip)</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>its entries declare %1 bytes in all, more than a bundle may hold (%2 MiB)</source>
        <translation>sus entradas declaran %1 bytes en total, más de lo que puede contener un paquete (%2 MiB)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>its entries declare %1 bytes in all from a file of %2 bytes (a ratio above %3:1 is refused, as zip bombs have)</source>
        <translation>sus entradas declaran %1 bytes en total a partir de un archivo de %2 bytes (se rechaza una proporción superior a %3:1, como la de las bombas zip)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>entry &apos;%1&apos; is missing</source>
        <translation>falta la entrada &apos;%1&apos;</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>entry &apos;%1&apos; cannot be opened: %2</source>
        <translation>no se puede abrir la entrada &apos;%1&apos;: %2</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>entry &apos;%1&apos; is damaged: %2</source>
        <translation>la entrada &apos;%1&apos; está dañada: %2</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>entry &apos;%1&apos; inflates to a different size than the %2 bytes it declares</source>
        <translation>la entrada &apos;%1&apos; se descomprime en un tamaño distinto de los %2 bytes que declara</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>%1: the format is &apos;%2&apos;, not &apos;%3&apos;</source>
        <translation>%1: el formato es &apos;%2&apos;, no &apos;%3&apos;</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>it was written by a newer QuantBench (bundle version %1; this one reads version %2)</source>
        <translation>lo escribió una versión más reciente de QuantBench (versión de paquete %1; esta versión lee la versión %2)</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>%1: field &apos;identity&apos; must be &quot;sha256:&quot; and 64 lowercase hex digits</source>
        <translation>%1: el campo &apos;identity&apos; debe ser &quot;sha256:&quot; seguido de 64 dígitos hexadecimales en minúscula</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1: the list of entries does not match the archive&apos;s entries</source>
        <translation>%1: la lista de entradas no coincide con las entradas del archivo</translation>
    </message>
    <message>
        <location line="+11"/>
        <location line="+12"/>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <location line="-9"/>
        <source>%1: the network is not valid: %2</source>
        <translation>%1: la red no es válida: %2</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>%1 does not describe the network of %2</source>
        <translation>%1 no describe la red de %2</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>entry &apos;%1&apos; is empty</source>
        <translation>la entrada &apos;%1&apos; está vacía</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>its weights or %1 do not match the identity in %2: the bundle was changed or damaged after it was written</source>
        <translation>sus pesos o %1 no coinciden con la identidad de %2: el paquete se modificó o se dañó después de escribirse</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>%1: field &apos;status&apos;: &apos;%2&apos; is not a run status</source>
        <translation>%1: campo &apos;status&apos;: &apos;%2&apos; no es un estado de ejecución</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 says %2 epochs were done, but %3 has %4</source>
        <translation>%1 indica que se completaron %2 épocas, pero %3 tiene %4</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>%1: the final and best test accuracies disagree with %2</source>
        <translation>%1: las exactitudes de prueba final y mejor no concuerdan con %2</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>cannot import it: the experiment history is not open</source>
        <translation>no se puede importar: el historial de experimentos no está abierto</translation>
    </message>
    <message>
        <location line="+8"/>
        <location line="+14"/>
        <location line="+12"/>
        <source>cannot import it: %1</source>
        <translation>no se puede importar: %1</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>the history has no folder for run files</source>
        <translation>el historial no tiene carpeta para los archivos de las ejecuciones</translation>
    </message>
</context>
<context>
    <name>qb::RunCharts</name>
    <message>
        <location filename="../core/export/runcharts.cpp" line="+289"/>
        <source>float</source>
        <translation>punto flotante</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1-bit %2</source>
        <translation>%2 de %1 bits</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>same</source>
        <translation>same</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>valid</source>
        <translation>valid</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>pad %1</source>
        <translation>relleno %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 filters %2%3%4</source>
        <translation>%1 filtros %2%3%4</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>, stride %1</source>
        <translation>, paso %1</translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>%n units</source>
        <translation>
            <numerusform>%n unidad</numerusform>
            <numerusform>%n unidades</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>batch normalization</source>
        <translation>normalización por lotes</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>max %1%2%3</source>
        <translation>máx. %1%2%3</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>average %1%2%3</source>
        <translation>promedio %1%2%3</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>to a vector</source>
        <translation>a un vector</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>rate %1</source>
        <translation>tasa %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 %2, %3 %4, %5</source>
        <translation>%1 %2, %3 %4, %5</translation>
    </message>
    <message>
        <location line="+54"/>
        <source>No epoch was recorded for this run.</source>
        <translation>No se registró ninguna época para esta ejecución.</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>train</source>
        <translation>entrenamiento</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>test</source>
        <translation>prueba</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Loss</source>
        <translation>Pérdida</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+7"/>
        <source>epoch</source>
        <translation>época</translation>
    </message>
    <message>
        <location line="-7"/>
        <source>loss</source>
        <translation>pérdida</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Accuracy</source>
        <translation>Exactitud</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+168"/>
        <source>accuracy (%)</source>
        <translation>exactitud (%)</translation>
    </message>
    <message>
        <location line="-130"/>
        <source>No confusion matrix is available for this run.</source>
        <translation>No hay ninguna matriz de confusión disponible para esta ejecución.</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Confusion matrix: %1 test samples, accuracy %2 %</source>
        <translation>Matriz de confusión: %1 muestras de prueba, exactitud %2 %</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Confusion matrix</source>
        <translation>Matriz de confusión</translation>
    </message>
    <message>
        <location line="+51"/>
        <source>predicted class</source>
        <translation>clase predicha</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>rows: actual class</source>
        <translation>filas: clase real</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>recall</source>
        <translation>sensibilidad</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>%1 sweep</source>
        <translation>Barrido %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 sweep over %2</source>
        <translation>Barrido %1 sobre %2</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source> (%n chips per point)</source>
        <translation>
            <numerusform> (%n chip por punto)</numerusform>
            <numerusform> (%n chips por punto)</numerusform>
        </translation>
    </message>
    <message>
        <location line="+5"/>
        <source>This sweep has no points.</source>
        <translation>Este barrido no tiene puntos.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>mean</source>
        <translation>media</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>± 1 std</source>
        <translation>± 1 desv. est.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>min–max</source>
        <translation>mín.–máx.</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>value</source>
        <translation>valor</translation>
    </message>
    <message>
        <location line="+72"/>
        <source>Network</source>
        <translation>Red</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Network %1</source>
        <translation>Red %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>: %1 parameters</source>
        <translation>: %1 parámetros</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>input</source>
        <translation>entrada</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>in: %1</source>
        <translation>ent: %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>w: %1</source>
        <translation>p: %1</translation>
    </message>
    <message>
        <location line="+114"/>
        <source>Drawn by QuantBench</source>
        <translation>Dibujado por QuantBench</translation>
    </message>
</context>
<context>
    <name>qb::RunHeader</name>
    <message>
        <location filename="../widgets/analysis/runheader.cpp" line="+16"/>
        <source>&lt;b&gt;Run %1&lt;/b&gt;</source>
        <translation>&lt;b&gt;Ejecución %1&lt;/b&gt;</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 on %2</source>
        <translation>%1 en %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>test accuracy %1 %</source>
        <translation>exactitud de prueba %1 %</translation>
    </message>
</context>
<context>
    <name>qb::RunSpecInfo</name>
    <message>
        <location filename="../widgets/history/runspecinfo.cpp" line="+21"/>
        <source>the run&apos;s spec is not valid JSON: %1</source>
        <translation>la especificación de la ejecución no es un JSON válido: %1</translation>
    </message>
</context>
<context>
    <name>qb::RunTableModel</name>
    <message>
        <location filename="../widgets/history/runtablemodel.cpp" line="+194"/>
        <source>grid %1</source>
        <translation>rejilla %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>grid %1 · %2</source>
        <translation>rejilla %1 · %2</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>group %1</source>
        <translation>grupo %1</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>%1 (no finished runs)</source>
        <translation>%1 (sin ejecuciones terminadas)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1: %2 ± %3 % (n=%4)</source>
        <translation>%1: %2 ± %3 % (n=%4)</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>running</source>
        <translation>en ejecución</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>finished</source>
        <translation>terminada</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>cancelled</source>
        <translation>cancelada</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>failed</source>
        <translation>fallida</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>interrupted</source>
        <translation>interrumpida</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>%1 %</source>
        <translation>%1 %</translation>
    </message>
    <message>
        <location line="+66"/>
        <source>%1/%2</source>
        <translation>%1/%2</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>%1 KiB</source>
        <translation>%1 KiB</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>#%1 %2</source>
        <translation>#%1 %2</translation>
    </message>
    <message numerus="yes">
        <location line="+11"/>
        <source>%1 (%n runs)</source>
        <translation>
            <numerusform>%1 (%n ejecución)</numerusform>
            <numerusform>%1 (%n ejecuciones)</numerusform>
        </translation>
    </message>
    <message>
        <location line="+5"/>
        <source>mixed</source>
        <translation>mixto</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>%1 ± %2 %</source>
        <translation>%1 ± %2 %</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Date</source>
        <translation>Fecha</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Network</source>
        <translation>Red</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Dataset</source>
        <translation>Datos</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Epochs</source>
        <translation>Épocas</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Best acc</source>
        <translation>Mejor exact.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Final acc</source>
        <translation>Exact. final</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Model size</source>
        <translation>Tamaño del modelo</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Tags</source>
        <translation>Etiquetas</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Notes</source>
        <translation>Notas</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Group</source>
        <translation>Grupo</translation>
    </message>
</context>
<context>
    <name>qb::RunTransferActions</name>
    <message>
        <location filename="../widgets/transfer/runtransferactions.cpp" line="+39"/>
        <source>E&amp;xport run…</source>
        <translation>Exp&amp;ortar ejecución…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Import run…</source>
        <translation>&amp;Importar ejecución…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Add a run bundle (.qbrun) to this history</source>
        <translation>Añadir un paquete de ejecución (.qbrun) a este historial</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>An export or import is running</source>
        <translation>Hay una exportación o una importación en curso</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Select a run that finished at least one epoch in the History</source>
        <translation>Seleccionar en el Historial una ejecución que haya completado al menos una época</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Export run %1 (%2)</source>
        <translation>Exportar la ejecución %1 (%2)</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>Exporting run %1</source>
        <translation>Exportando la ejecución %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Exporting run %1…</source>
        <translation>Exportando la ejecución %1…</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Export cancelled</source>
        <translation>Exportación cancelada</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>The export of run %1 was cancelled; nothing was written.</source>
        <translation>Se canceló la exportación de la ejecución %1; no se escribió nada.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Export failed</source>
        <translation>Falló la exportación</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Run %1 could not be exported:
%2</source>
        <translation>No se pudo exportar la ejecución %1:
%2</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Run %1 was written to:
%2</source>
        <translation>La ejecución %1 se escribió en:
%2</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Export finished</source>
        <translation>Exportación terminada</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Import run</source>
        <translation>Importar ejecución</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>QuantBench run bundles (*.qbrun);;All files (*)</source>
        <translation>Paquetes de ejecución de QuantBench (*.qbrun);;Todos los archivos (*)</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Importing %1</source>
        <translation>Importando %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Importing %1…</source>
        <translation>Importando %1…</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Import failed</source>
        <translation>Falló la importación</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>%1 could not be imported:
%2</source>
        <translation>No se pudo importar %1:
%2</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Import finished</source>
        <translation>Importación terminada</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 was imported before, as run %2; nothing was added.</source>
        <translation>%1 ya se había importado, como ejecución %2; no se añadió nada.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 was imported as run %2.</source>
        <translation>%1 se importó como ejecución %2.</translation>
    </message>
</context>
<context>
    <name>qb::SizeAccuracyChart</name>
    <message>
        <location filename="../widgets/history/sizeaccuracychart.cpp" line="+36"/>
        <source>Model size (KiB, log scale)</source>
        <translation>Tamaño del modelo (KiB, escala logarítmica)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Best test accuracy (%)</source>
        <translation>Mejor exactitud de prueba (%)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Full precision</source>
        <translation>Precisión completa</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Quantized</source>
        <translation>Cuantizada</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Selected</source>
        <translation>Seleccionada</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>(no finished runs yet)</source>
        <translation>(aún no hay ejecuciones terminadas)</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>#%1</source>
        <translation>#%1</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>#%1 %2</source>
        <translation>#%1 %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>network %1, dataset %2</source>
        <translation>red %1, conjunto de datos %2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>quantized</source>
        <translation>cuantizada</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>full precision</source>
        <translation>precisión completa</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>model size %1 KiB</source>
        <translation>tamaño del modelo %1 KiB</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>best test accuracy %1 %</source>
        <translation>mejor exactitud de prueba %1 %</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>final test accuracy %1 %</source>
        <translation>exactitud de prueba final %1 %</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>click to select the run in the history</source>
        <translation>clic para seleccionar la ejecución en el historial</translation>
    </message>
    <message numerus="yes">
        <location line="+114"/>
        <source>Best test accuracy against model size — %n finished run(s)</source>
        <translation>
            <numerusform>Mejor exactitud de prueba frente a tamaño del modelo — %n ejecución terminada</numerusform>
            <numerusform>Mejor exactitud de prueba frente a tamaño del modelo — %n ejecuciones terminadas</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>qb::SlurmClient</name>
    <message>
        <location filename="../core/grid/slurmclient.cpp" line="+33"/>
        <source>sbatch printed no job id (its output was &quot;%1&quot;).</source>
        <translation>sbatch no mostró ningún identificador de trabajo (su salida fue &quot;%1&quot;).</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Cannot run %1: %2 (is Slurm installed and on PATH?)</source>
        <translation>No se puede ejecutar %1: %2 (¿está Slurm instalado y en el PATH?)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 did not finish within %2 s (is the Slurm controller reachable?)</source>
        <translation>%1 no terminó en %2 s (¿se puede alcanzar el controlador de Slurm?)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 crashed. %2</source>
        <translation>%1 se bloqueó. %2</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 failed (exit status %2): %3</source>
        <translation>%1 falló (estado de salida %2): %3</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>no message</source>
        <translation>sin mensaje</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>scontrol show config gave MaxArraySize = %1, not a count.</source>
        <translation>scontrol show config dio MaxArraySize = %1, que no es un número.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>No batch script was given to sbatch.</source>
        <translation>No se dio ningún guion de lotes a sbatch.</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Invalid job array range %1-%2 for %3.</source>
        <translation>Intervalo de vector de trabajos %1-%2 no válido para %3.</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>Unexpected line from squeue: &quot;%1&quot;.</source>
        <translation>Línea inesperada de squeue: &quot;%1&quot;.</translation>
    </message>
</context>
<context>
    <name>qb::SpecDiff</name>
    <message>
        <location filename="../core/spec/specdiff.cpp" line="+152"/>
        <source>(absent)</source>
        <translation>(ausente)</translation>
    </message>
</context>
<context>
    <name>qb::SpecDiffDialog</name>
    <message>
        <location filename="../widgets/history/specdiffdialog.cpp" line="+22"/>
        <source>run %1</source>
        <translation>ejecución %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>run %1: %2</source>
        <translation>ejecución %1: %2</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Compare configurations</source>
        <translation>Comparar configuraciones</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Run A: %1
Run B: %2</source>
        <translation>Ejecución A: %1
Ejecución B: %2</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>No differences</source>
        <translation>Sin diferencias</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n field(s) differ</source>
        <translation>
            <numerusform>%n campo difiere</numerusform>
            <numerusform>%n campos difieren</numerusform>
        </translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Path</source>
        <translation>Ruta</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Run A</source>
        <translation>Ejecución A</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Run B</source>
        <translation>Ejecución B</translation>
    </message>
</context>
<context>
    <name>qb::SpikesView</name>
    <message>
        <location filename="../widgets/history/spikessource.cpp" line="+16"/>
        <source>run %1 has no spiking layers</source>
        <translation>la ejecución %1 no tiene capas de impulsos</translation>
    </message>
    <message>
        <location filename="../widgets/history/spikesview.cpp" line="+70"/>
        <source>Select a finished run of a spiking network in the history to see its spikes.</source>
        <translation>Seleccione en el historial una ejecución terminada de una red de impulsos para ver sus impulsos.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Test image</source>
        <translation>Imagen de prueba</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Index of the test image whose spikes are shown</source>
        <translation>Índice de la imagen de prueba cuyos impulsos se muestran</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Membrane of</source>
        <translation>Membrana de</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>first %1</source>
        <translation>primeras %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>neuron </source>
        <translation>neurona </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>One neuron&apos;s membrane, or the first %1 neurons&apos; (the lowest value)</source>
        <translation>La membrana de una neurona, o las de las primeras %1 neuronas (el valor más bajo)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Average spikes per image of every spiking layer and the synaptic operations over the run&apos;s test images (takes a while)</source>
        <translation>Impulsos medios por imagen de cada capa de impulsos y las operaciones sinápticas sobre las imágenes de prueba de la ejecución (tarda un rato)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <location line="+18"/>
        <location line="+30"/>
        <source>membrane</source>
        <translation>membrana</translation>
    </message>
    <message>
        <location line="-26"/>
        <source>firing-rates</source>
        <translation>tasas-de-disparo</translation>
    </message>
    <message>
        <location line="+25"/>
        <location line="+240"/>
        <source>time step</source>
        <translation>paso de tiempo</translation>
    </message>
    <message>
        <location line="-229"/>
        <source>Firing rate per layer</source>
        <translation>Tasa de disparo por capa</translation>
    </message>
    <message>
        <location line="-65"/>
        <source>Measure on the test set</source>
        <translation>Medir en el conjunto de prueba</translation>
    </message>
    <message>
        <location line="+66"/>
        <source>firing rate</source>
        <translation>tasa de disparo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Spikes per neuron per time step of every spiking layer</source>
        <translation>Impulsos por neurona y paso de tiempo de cada capa de impulsos</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The chosen neurons&apos; membrane over the time steps against the layer&apos;s threshold (dashed); on the output layer, the thick line is the true class</source>
        <translation>La membrana de las neuronas elegidas a lo largo de los pasos de tiempo frente al umbral de la capa (discontinuo); en la capa de salida, la línea gruesa es la clase verdadera</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>this image</source>
        <translation>esta imagen</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>test set</source>
        <translation>conjunto de prueba</translation>
    </message>
    <message>
        <location line="+114"/>
        <source>Loading run %1 and its test images…</source>
        <translation>Cargando la ejecución %1 y sus imágenes de prueba…</translation>
    </message>
    <message>
        <location line="+50"/>
        <source>Run %1 is not a spiking network: it has no spikes to show.</source>
        <translation>La ejecución %1 no es una red de impulsos: no tiene impulsos que mostrar.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cannot show the spikes of run %1: %2</source>
        <translation>No se pueden mostrar los impulsos de la ejecución %1: %2</translation>
    </message>
    <message numerus="yes">
        <location line="+7"/>
        <source>Run %1, test image %2 of %3: %n spike(s) in %4 time steps.</source>
        <translation>
            <numerusform>Ejecución %1, imagen de prueba %2 de %3: %n impulso en %4 pasos de tiempo.</numerusform>
            <numerusform>Ejecución %1, imagen de prueba %2 de %3: %n impulsos en %4 pasos de tiempo.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+15"/>
        <source>class: %1</source>
        <translation>clase: %1</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>spike-raster</source>
        <translation>raster-de-impulsos</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>neuron</source>
        <translation>neurona</translation>
    </message>
    <message numerus="yes">
        <location line="+39"/>
        <source>%1: the first %2 of %3 neurons, %n spike(s) in all</source>
        <translation>
            <numerusform>%1: las primeras %2 de %3 neuronas, %n impulso en total</numerusform>
            <numerusform>%1: las primeras %2 de %3 neuronas, %n impulsos en total</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>%1: %2 neurons, %n spike(s)</source>
        <translation>
            <numerusform>%1: %2 neuronas, %n impulso</numerusform>
            <numerusform>%1: %2 neuronas, %n impulsos</numerusform>
        </translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Membrane</source>
        <translation>Membrana</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>neuron %1</source>
        <translation>neurona %1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>threshold θ = %1</source>
        <translation>umbral θ = %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Membrane of %1, neuron %2</source>
        <translation>Membrana de %1, neurona %2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Membrane of %1</source>
        <translation>Membrana de %1</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>Membrane of %1, the first %n neuron(s)</source>
        <translation>
            <numerusform>Membrana de %1, la primera neurona</numerusform>
            <numerusform>Membrana de %1, las primeras %n neuronas</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+98"/>
        <source>Measuring the activity on %n test image(s)…</source>
        <translation>
            <numerusform>Midiendo la actividad en %n imagen de prueba…</numerusform>
            <numerusform>Midiendo la actividad en %n imágenes de prueba…</numerusform>
        </translation>
    </message>
    <message>
        <location line="+24"/>
        <location line="+4"/>
        <source>Measuring the activity was cancelled.</source>
        <translation>Se canceló la medida de la actividad.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cannot measure the activity: %1</source>
        <translation>No se puede medir la actividad: %1</translation>
    </message>
    <message numerus="yes">
        <location line="+6"/>
        <source>Test set, %n image(s) of %1 time steps:</source>
        <translation>
            <numerusform>Conjunto de prueba, %n imagen de %1 pasos de tiempo:</numerusform>
            <numerusform>Conjunto de prueba, %n imágenes de %1 pasos de tiempo:</numerusform>
        </translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1: %2 spikes per image, rate %3</source>
        <translation>%1: %2 impulsos por imagen, tasa %3</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Synaptic operations per image: %1 (MACs of the spike-fed layers without spikes: %2; the whole network without spikes: %3)</source>
        <translation>Operaciones sinápticas por imagen: %1 (MAC de las capas alimentadas por impulsos sin impulsos: %2; toda la red sin impulsos: %3)</translation>
    </message>
</context>
<context>
    <name>qb::SpikingPropertiesForm</name>
    <message>
        <location filename="../widgets/inspector/spikingpropertiesform.cpp" line="+38"/>
        <source>Time (spiking network)</source>
        <translation>Tiempo (red de impulsos)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>A network with leaky or synaptic layers runs over several time steps: the input is presented at every step (encoded as below), and the output layer&apos;s spikes or membrane over time give the class scores.</source>
        <translation>Una red con capas leaky o synaptic funciona a lo largo de varios pasos de tiempo: la entrada se presenta en cada paso (codificada como se indica abajo), y los impulsos o la membrana de la capa de salida a lo largo del tiempo dan las puntuaciones de las clases.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Time steps</source>
        <translation>Pasos de tiempo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>T: how many steps every sample runs. More steps: finer spike counts, slower training.</source>
        <translation>T: cuántos pasos dura cada muestra. Más pasos: recuentos de impulsos más finos, entrenamiento más lento.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>direct (the image at every step)</source>
        <translation>directa (la imagen en cada paso)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>rate (Bernoulli spikes)</source>
        <translation>por tasa (impulsos de Bernoulli)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>latency (one spike per input)</source>
        <translation>por latencia (un impulso por entrada)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>events (frames of an event dataset)</source>
        <translation>eventos (fotogramas de un conjunto de eventos)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Encoding</source>
        <translation>Codificación</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>How the input enters the network. direct: the static image as a current at every step; rate: each pixel spikes with probability gain·x + offset; latency: each pixel spikes once, brighter pixels earlier; events: frames of an event camera recording (N-MNIST).</source>
        <translation>Cómo entra la entrada en la red. directa: la imagen estática como corriente en cada paso; por tasa: cada píxel dispara con probabilidad ganancia·x + desplazamiento; por latencia: cada píxel dispara una vez, los más brillantes antes; eventos: fotogramas de una grabación de cámara de eventos (N-MNIST).</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Gain</source>
        <translation>Ganancia</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Rate encoding: the spike probability is clamp(gain·x + offset, 0, 1).</source>
        <translation>Codificación por tasa: la probabilidad de impulso es clamp(ganancia·x + desplazamiento, 0, 1).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Offset</source>
        <translation>Desplazamiento</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Rate encoding: added to gain·x before clamping to [0, 1].</source>
        <translation>Codificación por tasa: se suma a ganancia·x antes de limitar a [0, 1].</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Tau</source>
        <translation>Constante τ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Latency encoding: the time constant of the RC model, spike time = tau·ln(x / (x − threshold)).</source>
        <translation>Codificación por latencia: la constante de tiempo del modelo RC, instante del impulso = tau·ln(x / (x − umbral)).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Latency threshold</source>
        <translation>Umbral de latencia</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Latency encoding: inputs at or below it never spike (between 0 and 1).</source>
        <translation>Codificación por latencia: las entradas iguales o inferiores nunca disparan (entre 0 y 1).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>linear</source>
        <translation>lineal</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>normalize</source>
        <translation>normalizar</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>clip</source>
        <translation>recortar</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Latency</source>
        <translation>Latencia</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>linear: spike time falls linearly with the input instead of the RC curve.</source>
        <translation>lineal: el instante del impulso baja linealmente con la entrada en lugar de seguir la curva RC.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>normalize: spread the spike times over all time steps.</source>
        <translation>normalizar: reparte los instantes de los impulsos por todos los pasos de tiempo.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>clip: inputs below the threshold send no spike at the last step.</source>
        <translation>recortar: las entradas por debajo del umbral no envían impulso en el último paso.</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+7"/>
        <source> µs</source>
        <translation> µs</translation>
    </message>
    <message>
        <location line="-6"/>
        <source>T equal bins</source>
        <translation>T intervalos iguales</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Frame window</source>
        <translation>Ventana del fotograma</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Events: each time step is a frame of this many microseconds from the first event; 0: the recording is cut into T equal bins.</source>
        <translation>Eventos: cada paso de tiempo es un fotograma de estos microsegundos a partir del primer evento; 0: la grabación se corta en T intervalos iguales.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>off</source>
        <translation>desactivado</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Denoise</source>
        <translation>Eliminar ruido</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Events: drop an event with no neighbouring event within this time (Tonic&apos;s denoise); 0: off.</source>
        <translation>Eventos: descarta un evento sin eventos vecinos dentro de este tiempo (denoise de Tonic); 0: desactivado.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>membrane cross-entropy</source>
        <translation>entropía cruzada de la membrana</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>cross-entropy of the spike rate</source>
        <translation>entropía cruzada de la tasa de impulsos</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>cross-entropy of the spike count</source>
        <translation>entropía cruzada del recuento de impulsos</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>MSE of the spike count</source>
        <translation>MSE del recuento de impulsos</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Loss</source>
        <translation>Pérdida</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The readout: cross-entropy of the output membrane summed over time (snnTorch tutorial 5), cross-entropy of the spikes at every step or of the spike counts, or the mean squared error of the counts against target rates.</source>
        <translation>La lectura: entropía cruzada de la membrana de salida sumada en el tiempo (tutorial 5 de snnTorch), entropía cruzada de los impulsos en cada paso o de los recuentos de impulsos, o el error cuadrático medio de los recuentos frente a tasas objetivo.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Correct rate</source>
        <translation>Tasa correcta</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>MSE count loss: the target firing rate of the right class&apos;s neuron.</source>
        <translation>Pérdida MSE del recuento: la tasa de disparo objetivo de la neurona de la clase correcta.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Incorrect rate</source>
        <translation>Tasa incorrecta</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>MSE count loss: the target firing rate of the other neurons.</source>
        <translation>Pérdida MSE del recuento: la tasa de disparo objetivo de las demás neuronas.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Set time steps to %1</source>
        <translation>Fijar los pasos de tiempo en %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Set encoding to %1</source>
        <translation>Fijar la codificación en %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Set spiking loss to %1</source>
        <translation>Fijar la pérdida de impulsos en %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+20"/>
        <source>Set %1 to %2</source>
        <translation>Fijar %1 en %2</translation>
    </message>
    <message>
        <location line="-9"/>
        <source>Turn on %1</source>
        <translation>Activar %1</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Turn off %1</source>
        <translation>Desactivar %1</translation>
    </message>
</context>
<context>
    <name>qb::SummaryPane</name>
    <message>
        <location filename="../widgets/inspector/summarypane.cpp" line="+85"/>
        <source>The summary needs a valid network. Problems:
%1</source>
        <translation>El resumen necesita una red válida. Problemas:
%1</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Layer</source>
        <translation>Capa</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>The layer&apos;s name (an automatic one when it has none).</source>
        <translation>El nombre de la capa (uno automático si no tiene).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Type</source>
        <translation>Tipo</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>The kind of layer.</source>
        <translation>El tipo de capa.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Input bits</source>
        <translation>Bits de entrada</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bit width of the layer&apos;s quantized input; &apos;-&apos; means full precision (32-bit float).</source>
        <translation>Ancho en bits de la entrada cuantizada de la capa; &apos;-&apos; significa precisión completa (punto flotante de 32 bits).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Output shape</source>
        <translation>Forma de salida</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Shape of one sample leaving the layer: channels x height x width, or a number of features.</source>
        <translation>Forma de una muestra al salir de la capa: canales x alto x ancho, o un número de características.</translation>
    </message>
    <message numerus="yes">
        <location line="+5"/>
        <source>Parameters stored with %n bit(s) each (weights, biases, batch-norm statistics).</source>
        <translation>
            <numerusform>Parámetros almacenados con %n bit cada uno (pesos, sesgos, estadísticas de normalización por lotes).</numerusform>
            <numerusform>Parámetros almacenados con %n bits cada uno (pesos, sesgos, estadísticas de normalización por lotes).</numerusform>
        </translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Memory (KiB)</source>
        <translation>Memoria (KiB)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Storage of the layer&apos;s parameters at their bit widths: bits / 8 / 1024.</source>
        <translation>Almacenamiento de los parámetros de la capa con sus anchos en bits: bits / 8 / 1024.</translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>Multiply-accumulate operations per sample at %n-bit precision, the larger of the input and the weight precision. 1-bit MACs are XNOR and popcount on binary hardware.</source>
        <translation>
            <numerusform>Operaciones de multiplicación-acumulación por muestra con precisión de %n bit, la mayor entre la precisión de la entrada y la de los pesos. Las MACs de 1 bit son XNOR y popcount en hardware binario.</numerusform>
            <numerusform>Operaciones de multiplicación-acumulación por muestra con precisión de %n bits, la mayor entre la precisión de la entrada y la de los pesos. Las MACs de 1 bit son XNOR y popcount en hardware binario.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+33"/>
        <source>Total</source>
        <translation>Total</translation>
    </message>
    <message numerus="yes">
        <location line="-42"/>
        <source>%n-bit params</source>
        <translation>
            <numerusform>Parám. de %n bit</numerusform>
            <numerusform>Parám. de %n bits</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+8"/>
        <source>%n-bit MACs</source>
        <translation>
            <numerusform>MACs de %n bit</numerusform>
            <numerusform>MACs de %n bits</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+49"/>
        <source>%n-bit parameters</source>
        <translation>
            <numerusform>Parámetros de %n bit</numerusform>
            <numerusform>Parámetros de %n bits</numerusform>
        </translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Total parameters</source>
        <translation>Parámetros totales</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Model size</source>
        <translation>Tamaño del modelo</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+1"/>
        <source>%1 KiB</source>
        <translation>%1 KiB</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Float-32 equivalent</source>
        <translation>Equivalente en float-32</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Compression ratio</source>
        <translation>Razón de compresión</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1×</source>
        <translation>%1×</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>MACs per sample</source>
        <translation>MACs por muestra</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Binarized MACs</source>
        <translation>MACs binarizadas</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 %</source>
        <translation>%1 %</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Model size counts every parameter at its bit width; the float-32 equivalent stores all of them as 32-bit floats; the compression ratio is the second over the first. The binarized share is the fraction of multiply-accumulates done with 1-bit operands.</source>
        <translation>El tamaño del modelo cuenta cada parámetro con su ancho en bits; el equivalente en float-32 los almacena todos como valores en punto flotante de 32 bits; la razón de compresión es el segundo dividido entre el primero. La proporción binarizada es la fracción de multiplicaciones-acumulaciones realizadas con operandos de 1 bit.</translation>
    </message>
</context>
<context>
    <name>qb::SweepChart</name>
    <message>
        <location filename="../widgets/history/sweepchart.cpp" line="+50"/>
        <source>Fraction bits</source>
        <translation>Bits fraccionarios</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Word bits</source>
        <translation>Bits de palabra</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Value</source>
        <translation>Valor</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>accuracy %1 ± %2</source>
        <translation>exactitud %1 ± %2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>min %1, max %2</source>
        <translation>mín. %1, máx. %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>accuracy %1</source>
        <translation>exactitud %1</translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <location line="+404"/>
        <source>%n chip(s)</source>
        <translation>
            <numerusform>%n chip</numerusform>
            <numerusform>%n chips</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="-402"/>
        <location line="+405"/>
        <source>%n test image(s)</source>
        <translation>
            <numerusform>%n imagen de prueba</numerusform>
            <numerusform>%n imágenes de prueba</numerusform>
        </translation>
    </message>
    <message>
        <location line="-371"/>
        <source>Sweep:</source>
        <translation>Barrido:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Group means</source>
        <translation>Medias de grupo</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Draw the selected runs of one group (repeats with other seeds) as their mean, with error bars of ± the std over the group&apos;s runs</source>
        <translation>Dibujar las ejecuciones seleccionadas de un grupo (repeticiones con otras semillas) como su media, con barras de error de ± la desviación estándar entre las ejecuciones del grupo</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Chips</source>
        <translation>Chips</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show the accuracy of every simulated chip beside the mean</source>
        <translation>Mostrar la exactitud de cada chip simulado junto a la media</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Test accuracy (%)</source>
        <translation>Exactitud de prueba (%)</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>(select a run to see its sweeps)</source>
        <translation>(seleccionar una ejecución para ver sus barridos)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Monte-Carlo</source>
        <translation>Monte Carlo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message numerus="yes">
        <location line="+27"/>
        <source>(none of the %n selected runs has sweeps)</source>
        <translation>
            <numerusform>(%n ejecución seleccionada, sin barridos)</numerusform>
            <numerusform>(ninguna de las %n ejecuciones seleccionadas tiene barridos)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+15"/>
        <source>%1 (%n run(s))</source>
        <translation>
            <numerusform>%1 (%n ejecución)</numerusform>
            <numerusform>%1 (%n ejecuciones)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+214"/>
        <source>group %1: mean of %n run(s)</source>
        <translation>
            <numerusform>grupo %1: media de %n ejecución</numerusform>
            <numerusform>grupo %1: media de %n ejecuciones</numerusform>
        </translation>
    </message>
    <message>
        <location line="+67"/>
        <source>%1–%2 chips</source>
        <translation>%1–%2 chips</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1–%2 test images</source>
        <translation>%1–%2 imágenes de prueba</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 × %2 per point</source>
        <translation>%1 × %2 por punto</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 per point</source>
        <translation>%1 por punto</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>group means: error bars ± std over the group&apos;s runs</source>
        <translation>medias de grupo: barras de error ± desv. estándar entre las ejecuciones del grupo</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Post-training quantization: accuracy against %1</source>
        <translation>Cuantización posentrenamiento: exactitud frente a %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Robustness to %1: mean accuracy ± std over chips</source>
        <translation>Robustez frente a %1: exactitud media ± desv. estándar entre chips</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Monte-Carlo evaluation: the accuracy of every chip</source>
        <translation>Evaluación Monte Carlo: la exactitud de cada chip</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1: accuracy against %2</source>
        <translation>%1: exactitud frente a %2</translation>
    </message>
    <message>
        <location line="+50"/>
        <source>%1: chips</source>
        <translation>%1: chips</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1
%2 = %3
chip %4 of %5: %6</source>
        <translation>%1
%2 = %3
chip %4 de %5: %6</translation>
    </message>
    <message numerus="yes">
        <location line="+30"/>
        <source>± is the std over the %n run(s)</source>
        <translation>
            <numerusform>± es la desv. estándar sobre %n ejecución</numerusform>
            <numerusform>± es la desv. estándar entre las %n ejecuciones</numerusform>
        </translation>
    </message>
    <message>
        <location line="+4"/>
        <source>float %1 (%2 points)</source>
        <translation>punto flotante %1 (%2 puntos)</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>%1: float %2</source>
        <translation>%1: punto flotante %2</translation>
    </message>
    <message>
        <location line="+64"/>
        <source>%1
median %2, quartiles as the box
min %3, max %4</source>
        <translation>%1
mediana %2, cuartiles en la caja
mín. %3, máx. %4</translation>
    </message>
    <message numerus="yes">
        <location line="+21"/>
        <source>%1 (%n chip(s))</source>
        <translation>
            <numerusform>%1 (%n chip)</numerusform>
            <numerusform>%1 (%n chips)</numerusform>
        </translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1
chip %2 of %3: %4</source>
        <translation>%1
chip %2 de %3: %4</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>%1: mean</source>
        <translation>%1: media</translation>
    </message>
    <message>
        <location line="-534"/>
        <source>(this run has no sweeps)</source>
        <translation>(esta ejecución no tiene barridos)</translation>
    </message>
    <message>
        <location line="+322"/>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
</context>
<context>
    <name>qb::TourGuide</name>
    <message>
        <location filename="../widgets/help/tourguide.cpp" line="+35"/>
        <source>Back</source>
        <translation>Atrás</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+138"/>
        <source>Next</source>
        <translation>Siguiente</translation>
    </message>
    <message>
        <location line="-137"/>
        <source>Skip tour</source>
        <translation>Omitir recorrido</translation>
    </message>
    <message>
        <location line="+49"/>
        <source>1. Pick a binarized network</source>
        <translation>1. Elegir una red binarizada</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&lt;b&gt;File ▸ Presets ▸ larq-mnist-bnn&lt;/b&gt; opens Larq&apos;s binarized network for MNIST (it is open at the first start). Its layers show in the middle: binary conv and dense layers with batch norms. Click a layer to see its quantizers in the Inspector.</source>
        <translation>&lt;b&gt;Archivo ▸ Preajustes ▸ larq-mnist-bnn&lt;/b&gt; abre la red binarizada de Larq para MNIST (está abierta en el primer inicio). Sus capas se muestran en el centro: capas conv y dense binarias con normalización por lotes. Hacer clic en una capa para ver sus cuantizadores en Propiedades.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>2. Look at the summary</source>
        <translation>2. Consultar el resumen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The &lt;b&gt;Model summary&lt;/b&gt; counts parameters per bit width, memory and multiply-accumulates: a binary weight takes 1 bit instead of 32. It updates as you edit.</source>
        <translation>El &lt;b&gt;Resumen del modelo&lt;/b&gt; cuenta los parámetros por ancho en bits, la memoria y las multiplicaciones-acumulaciones: un peso binario ocupa 1 bit en lugar de 32. Se actualiza al editar.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>3. Press Train</source>
        <translation>3. Pulsar Entrenar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pick the dataset (Fashion-MNIST is installed; MNIST can be downloaded with &lt;b&gt;Data…&lt;/b&gt;) and the epochs, then press &lt;b&gt;Train&lt;/b&gt;. The curves draw live; every run is kept in the history.</source>
        <translation>Elegir el conjunto de datos (Fashion-MNIST está instalado; MNIST se puede descargar con &lt;b&gt;Gestionar…&lt;/b&gt;) y las épocas, y pulsar &lt;b&gt;Entrenar&lt;/b&gt;. Las curvas se dibujan en directo; cada ejecución se conserva en el historial.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>4. Press Train baseline twin</source>
        <translation>4. Pulsar Entrenar referencia</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&lt;b&gt;Train baseline twin&lt;/b&gt; trains the same network without its quantizers and nonidealities: the full-precision twin that shows what binarization costs.</source>
        <translation>&lt;b&gt;Entrenar referencia&lt;/b&gt; entrena la misma red sin sus cuantizadores ni no idealidades: el gemelo en precisión completa que muestra lo que cuesta la binarización.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>5. Compare in the history</source>
        <translation>5. Comparar en el historial</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Select both runs in the &lt;b&gt;History&lt;/b&gt; (Ctrl+click): their curves overlay. &lt;b&gt;Run details&lt;/b&gt; shows one run&apos;s confusion matrix and misclassified images.</source>
        <translation>Seleccionar ambas ejecuciones en el &lt;b&gt;Historial&lt;/b&gt; (Ctrl+clic): sus curvas se superponen. &lt;b&gt;Detalles de la ejecución&lt;/b&gt; muestra la matriz de confusión de una ejecución y sus imágenes mal clasificadas.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>6. Compare side by side</source>
        <translation>6. Comparar lado a lado</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&lt;b&gt;Comparison&lt;/b&gt; sets the selected runs against each other: accuracy, model size and what differs in their settings. Help ▸ Tour shows this tour again; Help ▸ Reference explains every quantizer and nonideality.</source>
        <translation>&lt;b&gt;Comparación&lt;/b&gt; enfrenta entre sí las ejecuciones seleccionadas: exactitud, tamaño del modelo y en qué difieren sus ajustes. Ayuda ▸ Recorrido vuelve a mostrar este recorrido; Ayuda ▸ Referencia explica cada cuantizador y no idealidad.</translation>
    </message>
    <message numerus="yes">
        <location line="+61"/>
        <source>Tour, step %1 of %n</source>
        <translation>
            <numerusform>Recorrido, paso %1 de %n</numerusform>
            <numerusform>Recorrido, paso %1 de %n</numerusform>
        </translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Done</source>
        <translation>Finalizar</translation>
    </message>
</context>
<context>
    <name>qb::TrainingPanel</name>
    <message>
        <location filename="../widgets/training/trainingpanel.cpp" line="+96"/>
        <source>Ready to train.</source>
        <translation>Listo para entrenar.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Loading dataset %1…</source>
        <translation>Cargando el conjunto de datos %1…</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Training settings</source>
        <translation>Configuración del entrenamiento</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>CSV file…</source>
        <translation>Archivo CSV…</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Data…</source>
        <translation>Gestionar…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>See where the datasets are; download or import them</source>
        <translation>Ver dónde están los conjuntos de datos; descargarlos o importarlos</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Dataset:</source>
        <translation>Datos:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Epochs:</source>
        <translation>Épocas:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Batch size:</source>
        <translation>Tamaño de lote:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Adam</source>
        <translation>Adam</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>SGD (momentum)</source>
        <translation>SGD (con momento)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Optimizer:</source>
        <translation>Optimizador:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Learning rate:</source>
        <translation>Tasa de aprendizaje:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Weight decay:</source>
        <translation>Decaimiento de pesos:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Off</source>
        <translation>Desactivada</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stop when the test loss has not improved for this many epochs (0 = off)</source>
        <translation>Detener cuando la pérdida de prueba no haya mejorado durante este número de épocas (0 = desactivada)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Early stopping patience:</source>
        <translation>Parada temprana:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Seed:</source>
        <translation>Semilla:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>All cores</source>
        <translation>Todos los núcleos</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Threads:</source>
        <translation>Hilos:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Train several times with seeds seed, seed+1, …; the runs form one group</source>
        <translation>Entrenar varias veces con las semillas semilla, semilla+1, …; las ejecuciones forman un grupo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Repeats:</source>
        <translation>Repeticiones:</translation>
    </message>
    <message>
        <location line="+7"/>
        <location line="+15"/>
        <source>Train</source>
        <translation>Entrenar</translation>
    </message>
    <message>
        <location line="-11"/>
        <source>Stop after the current batch; the run is kept in the history as cancelled</source>
        <translation>Detener tras el lote actual; la ejecución se conserva en el historial como cancelada</translation>
    </message>
    <message>
        <location line="+14"/>
        <location line="+210"/>
        <source>Pause</source>
        <translation>Pausar</translation>
    </message>
    <message>
        <location line="-226"/>
        <location line="+18"/>
        <source>Stop</source>
        <translation>Detener</translation>
    </message>
    <message>
        <location line="-15"/>
        <location line="+17"/>
        <source>Train baseline twin</source>
        <translation>Entrenar referencia</translation>
    </message>
    <message>
        <location line="+127"/>
        <source>%1
Use &quot;Data…&quot; to download or import it.</source>
        <translation>%1
Usar &quot;Datos…&quot; para descargarlo o importarlo.</translation>
    </message>
    <message>
        <location line="+13"/>
        <location line="+121"/>
        <source>Starting…</source>
        <translation>Iniciando…</translation>
    </message>
    <message>
        <location line="-107"/>
        <source>Open a CSV table</source>
        <translation>Abrir una tabla CSV</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>CSV files (*.csv);;All files (*)</source>
        <translation>Archivos CSV (*.csv);;Todos los archivos (*)</translation>
    </message>
    <message>
        <location line="+49"/>
        <source>Train the same network without quantizers and nonidealities, for comparison</source>
        <translation>Entrenar la misma red sin cuantizadores ni no idealidades, como comparación</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The network has no quantizers or nonidealities: it is its own baseline</source>
        <translation>La red no tiene cuantizadores ni no idealidades: es su propia referencia</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Resume</source>
        <translation>Reanudar</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Paused.</source>
        <translation>En pausa.</translation>
    </message>
    <message>
        <location line="-26"/>
        <source>Fix the network first: %1</source>
        <translation>Corregir primero la red: %1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>A run is training</source>
        <translation>Hay una ejecución entrenándose</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Train the network with these settings</source>
        <translation>Entrenar la red con esta configuración</translation>
    </message>
    <message>
        <location line="+70"/>
        <source>Training run %1 (seed %2 of %3)…</source>
        <translation>Entrenando la ejecución %1 (semilla %2 de %3)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Training run %1…</source>
        <translation>Entrenando la ejecución %1…</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>–</source>
        <translation>–</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Epoch %1/%2 · batch %3/%4 · %5 samples/s</source>
        <translation>Época %1/%2 · lote %3/%4 · %5 muestras/s</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Run %1/%2 · %3</source>
        <translation>Ejecución %1/%2 · %3</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 · ETA %2</source>
        <translation>%1 · tiempo restante %2</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Run %1 finished: test accuracy %2 %.</source>
        <translation>Ejecución %1 terminada: exactitud de prueba %2 %.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Run %1 finished.</source>
        <translation>Ejecución %1 terminada.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Run %1 stopped; it is kept in the history as cancelled.</source>
        <translation>Ejecución %1 detenida; se conserva en el historial como cancelada.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Run %1 failed: %2</source>
        <translation>Falló la ejecución %1: %2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Training failed: %1</source>
        <translation>Falló el entrenamiento: %1</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Stopped before training began.</source>
        <translation>Detenido antes de que empezara el entrenamiento.</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n run(s) done. Last: %1</source>
        <translation>
            <numerusform>%n ejecución terminada. Última: %1</numerusform>
            <numerusform>%n ejecuciones terminadas. Última: %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>qb::TrainingToolBar</name>
    <message>
        <location filename="../widgets/training/trainingtoolbar.cpp" line="+12"/>
        <source>Training</source>
        <translation>Entrenamiento</translation>
    </message>
</context>
<context>
    <name>qb::TrainingWorker</name>
    <message>
        <location filename="../widgets/training/trainingworker.cpp" line="+75"/>
        <source>Training failed: %1</source>
        <translation>Falló el entrenamiento: %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Training failed with an unknown error.</source>
        <translation>El entrenamiento falló con un error desconocido.</translation>
    </message>
    <message>
        <location line="+46"/>
        <source>Training failed.</source>
        <translation>Falló el entrenamiento.</translation>
    </message>
</context>
<context>
    <name>qb::Workbench</name>
    <message>
        <location filename="../widgets/workbench.cpp" line="+80"/>
        <source>Open network</source>
        <translation>Abrir red</translation>
    </message>
</context>
<context>
    <name>qb::ZipExtractor</name>
    <message>
        <location filename="../core/util/zipextractor.cpp" line="+59"/>
        <source>%1: file not found</source>
        <translation>%1: archivo no encontrado</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>%1: not a readable zip archive: %2</source>
        <translation>%1: no es un archivo zip legible: %2</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1: %2 entries, more than the %3 accepted</source>
        <translation>%1: %2 entradas, más de las %3 admitidas</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>%1: entry %2 has no readable name: %3</source>
        <translation>%1: la entrada %2 no tiene un nombre legible: %3</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>%1: entry &quot;%2&quot; would be written outside the target folder</source>
        <translation>%1: la entrada &quot;%2&quot; se escribiría fuera de la carpeta de destino</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1: entry &quot;%2&quot; is a symbolic link; dataset archives hold only files and folders</source>
        <translation>%1: la entrada &quot;%2&quot; es un enlace simbólico; los archivos de datos solo contienen archivos y carpetas</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1: cannot read entry &quot;%2&quot;: %3</source>
        <translation>%1: no se puede leer la entrada &quot;%2&quot;: %3</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1: entry &quot;%2&quot; is encrypted</source>
        <translation>%1: la entrada &quot;%2&quot; está cifrada</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1: entry &quot;%2&quot; uses compression method %3, which this build cannot read</source>
        <translation>%1: la entrada &quot;%2&quot; usa el método de compresión %3, que esta compilación no puede leer</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1: entry &quot;%2&quot; declares more than the %3 bytes accepted for one file</source>
        <translation>%1: la entrada &quot;%2&quot; declara más de los %3 bytes admitidos para un archivo</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1: entry &quot;%2&quot; would inflate %3 bytes to %4, more than deflate can</source>
        <translation>%1: la entrada &quot;%2&quot; expandiría %3 bytes a %4, más de lo que deflate permite</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1: the entries add up to more than the %2 bytes accepted</source>
        <translation>%1: las entradas suman más de los %2 bytes admitidos</translation>
    </message>
    <message>
        <location line="+8"/>
        <location line="+5"/>
        <location line="+10"/>
        <location line="+5"/>
        <source>Could not create the folder %1.</source>
        <translation>No se pudo crear la carpeta %1.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1: cannot open entry &quot;%2&quot;: %3</source>
        <translation>%1: no se puede abrir la entrada &quot;%2&quot;: %3</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+18"/>
        <location line="+11"/>
        <source>Could not write %1: %2</source>
        <translation>No se pudo escribir %1: %2</translation>
    </message>
    <message>
        <location line="-25"/>
        <source>Unpacking %1 was stopped.</source>
        <translation>Se detuvo la descompresión de %1.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1: entry &quot;%2&quot; is damaged: %3</source>
        <translation>%1: la entrada &quot;%2&quot; está dañada: %3</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1: entry &quot;%2&quot; holds more than the %3 bytes it declares</source>
        <translation>%1: la entrada &quot;%2&quot; contiene más de los %3 bytes que declara</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>%1: entry &quot;%2&quot; holds %3 bytes, not the %4 it declares</source>
        <translation>%1: la entrada &quot;%2&quot; contiene %3 bytes, no los %4 que declara</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Could not move %1 to %2.</source>
        <translation>No se pudo mover %1 a %2.</translation>
    </message>
</context>
</TS>
