/*
 * Draws the dashboard's charts from the tables beside them: each table is the chart's text
 * alternative and its only source of figures, so the two can never disagree. Without
 * JavaScript (or if Chart.js is missing) the tables alone remain, complete.
 *
 * <canvas data-type="doughnut|bar|bar-horizontal" data-source="table id">
 * Series: the header cells with data-serie (its value is the series colour, or empty for a
 * doughnut, whose colours come from each row's data-couleur). Values: td[data-valeur].
 */
(function () {
    'use strict';

    if (typeof window.Chart === 'undefined') {
        return;
    }
    var Chart = window.Chart;
    var ink = '#1e1e1e';
    var grid = '#dcdfe6';

    Chart.defaults.font.family = window.getComputedStyle(document.body).fontFamily;
    Chart.defaults.font.size = 14;
    Chart.defaults.color = ink;
    Chart.defaults.animation = false;
    Chart.defaults.plugins.legend.labels.boxWidth = 14;

    function text(cell) {
        return cell.textContent.replace(/\s+/g, ' ').trim();
    }

    function read(table) {
        var headers = Array.prototype.slice.call(table.querySelectorAll('thead th'));
        var rows = Array.prototype.slice.call(table.querySelectorAll('tbody tr'));
        var labels = rows.map(function (row) { return text(row.querySelector('th')); });
        var series = [];
        headers.forEach(function (header, column) {
            if (!header.hasAttribute('data-serie')) {
                return;
            }
            series.push({
                label: text(header),
                colour: header.getAttribute('data-serie'),
                data: rows.map(function (row) {
                    var cell = row.children[column];
                    return Number(cell && cell.getAttribute('data-valeur')) || 0;
                })
            });
        });
        var colours = rows.map(function (row) { return row.getAttribute('data-couleur'); });
        return { labels: labels, series: series, colours: colours };
    }

    function doughnut(canvas, figures) {
        var values = figures.series[0].data;
        return new Chart(canvas, {
            type: 'doughnut',
            data: {
                labels: figures.labels,
                datasets: [{ label: figures.series[0].label, data: values, backgroundColor: figures.colours,
                    borderColor: '#ffffff', borderWidth: 2 }]
            },
            options: {
                maintainAspectRatio: false,
                cutout: '55%',
                plugins: {
                    legend: {
                        position: 'right',
                        labels: {
                            filter: function (item) { return values[item.index] > 0; }
                        }
                    }
                }
            }
        });
    }

    function bars(canvas, figures, horizontal) {
        return new Chart(canvas, {
            type: 'bar',
            data: {
                labels: figures.labels,
                datasets: figures.series.map(function (serie) {
                    return { label: serie.label, data: serie.data, backgroundColor: serie.colour,
                        maxBarThickness: 28 };
                })
            },
            options: {
                maintainAspectRatio: false,
                indexAxis: horizontal ? 'y' : 'x',
                scales: {
                    x: { grid: { color: horizontal ? grid : 'transparent' }, beginAtZero: true,
                        grace: horizontal ? '5%' : 0, ticks: { precision: 0 } },
                    y: { grid: { color: horizontal ? 'transparent' : grid }, beginAtZero: true,
                        grace: horizontal ? 0 : '5%', ticks: { precision: 0 } }
                },
                plugins: { legend: { position: 'bottom' } }
            }
        });
    }

    document.querySelectorAll('canvas[data-source]').forEach(function (canvas) {
        var table = document.getElementById(canvas.getAttribute('data-source'));
        if (!table) {
            return;
        }
        var figures = read(table);
        if (figures.series.length === 0 || figures.labels.length === 0) {
            return;
        }
        var box = canvas.parentElement;
        var lines = Number(box.getAttribute('data-lignes'));
        if (lines) {
            box.style.height = (70 + 26 * figures.series.length * lines + 10 * lines) + 'px';
        }
        var type = canvas.getAttribute('data-type');
        if (type === 'doughnut') {
            doughnut(canvas, figures);
        } else {
            bars(canvas, figures, type === 'bar-horizontal');
        }
        box.classList.add('graphique-dessine');
    });
}());
