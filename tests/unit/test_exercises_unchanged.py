"""Golden table: the verdict line of every checker for a table of answers.

Captured from the hand-written checkers before they were rewritten with
number_verdict/items_verdict (tools: none at run time; the table is literal).
Each checker must give exactly these lines for these answers: same ok/not-ok
outcome, same message, same hint."""

import datetime  # noqa: F401  (used by the answer expressions)

import numpy as np  # noqa: F401
import pandas as pd  # noqa: F401
import pytest

from artethics.exercises import evaluate

TABLES = {
    'belamy': {
        'belamy.balance_loss': [
            ('✘ belamy.balance_loss: no answer yet. Hint: Replace the None in '
                "the answer cell above: compute the discriminator's loss -(ln "
                'D(x) + ln(1 - D(G(z)))) when D gives 0.5.', [
                'None', "''", "'   '",
            ]),
            ('✘ belamy.balance_loss: a str is not a number. Hint: Give one '
                'number, e.g. computed with np.log.', [
                "'abc'",
            ]),
            ('✘ belamy.balance_loss: not the loss at the balance point. Hint: '
                'Put 0.5 in place of D(x) and of D(G(z)) in both terms of the '
                'formula.', [
                "'12'", '0', '-1', '0.5', '1', '1000', '1500', '20000', '1e6', '1e12',
                'np.float64(3.0)', 'np.int64(7)', '-138.62943611198907',
                '-33.27106466687737', '-2.386294361119891', '-2.0', '-1.4070887765366888',
                '-1.3447055302862938', '-1.0', '-0.9862943611198906', '-0.7862943611198906',
                '-0.6931471805599453', '-0.6020599913279623', '-0.3979400086720377',
                '-0.3862943611198906', '-0.3068528194400547', '-0.013862943611198907',
                '0.006020599913279623', '0.006931471805599453', '0.013862943611198907',
                '0.02', '0.3862943611198906', '0.5839981915881234', '0.6110908911978816',
                '0.6723527651431469', '0.7035443882683444', '1.0', '1.0020599913279624',
                '1.0931471805599453', '1.2020599913279622', '1.2931471805599453',
                '1.3447055302862938', '1.4070887765366888', '1.6020599913279623',
                '1.6931471805599454', '1.7862943611198907', '1.94', '2.03',
                '2.386294361119891', '2.4', '2.6', '3.0', '14.449439791871095',
                '16.635532333438686', '33.27106466687737', '48.0', '60.20599913279623',
                '69.31471805599453', '138.62943611198907', '200.0',
            ]),
            ('✘ belamy.balance_loss: a bool is not a number. Hint: Give one '
                'number, e.g. computed with np.log.', [
                'True',
            ]),
            ('✘ belamy.balance_loss: a list is not a number. Hint: Give one '
                'number, e.g. computed with np.log.', [
                '[1, 2]',
            ]),
            ('✘ belamy.balance_loss: a Series is not a number. Hint: Give one '
                'number, e.g. computed with np.log.', [
                'pd.Series([1.0])',
            ]),
            ('✘ belamy.balance_loss: a DataFrame is not a number. Hint: Give '
                'one number, e.g. computed with np.log.', [
                "pd.DataFrame({'a': [1]})",
            ]),
            ('✘ belamy.balance_loss: a float is not a number. Hint: Give one '
                'number, e.g. computed with np.log.', [
                "float('nan')", "float('inf')",
            ]),
            ('✘ belamy.balance_loss: not the loss at the balance point. Hint: '
                'Use the natural logarithm (np.log), not log base 2.', [
                '2', '1.9862943611198904', '2.0', '2.001', '2.01',
            ]),
            ('✘ belamy.balance_loss: a Timedelta is not a number. Hint: Give '
                'one number, e.g. computed with np.log.', [
                'pd.Timedelta(days=3)',
            ]),
            ('✘ belamy.balance_loss: a timedelta is not a number. Hint: Give '
                'one number, e.g. computed with np.log.', [
                'datetime.timedelta(days=3)',
            ]),
            ('✘ belamy.balance_loss: a range is not a number. Hint: Give one '
                'number, e.g. computed with np.log.', [
                'range(3)',
            ]),
            ('✘ belamy.balance_loss: not the loss at the balance point. Hint: '
                'Mind the minus sign in front: a loss here is positive.', [
                '-1.3932258329254898', '-1.39', '-1.3869875083004504', '-1.3862943611198906',
            ]),
            ('✘ belamy.balance_loss: not the loss at the balance point. Hint: '
                'Use the natural logarithm (np.log), not log base 10.', [
                '0.6', '0.6020599913279623', '0.6023610213236262', '0.605070291284602',
            ]),
            ('✘ belamy.balance_loss: not the loss at the balance point. Hint: '
                'The loss has two terms, one for real and one for generated '
                'numbers: add both.', [
                '0.69', '0.6931471805599453', '0.6934937541502252', '0.6966129164627449',
            ]),
            ('✔ belamy.balance_loss: correct: this is the loss when D can no '
                'longer tell real from fake.', [
                '1.3862943611198906', '1.3869875083004504', '1.39', '1.3932258329254898',
            ]),
        ],
        'belamy.dispute_days': [
            ('✘ belamy.dispute_days: no answer yet. Hint: Replace the None in '
                'the answer cell above: count the days from the first reports of '
                'the code dispute to the sale (events.csv), as a whole number.', [
                'None', "''", "'   '",
            ]),
            ('✘ belamy.dispute_days: a str is not a number of days. Hint: '
                "Give a whole number of days (a Timedelta's .days is one).", [
                "'abc'",
            ]),
            ('✘ belamy.dispute_days: not the number of days the events table '
                'gives. Hint: Subtract the date of belamy_barrat_dispute from '
                'the date of belamy_sale in events.csv (pd.to_datetime, then '
                '.days).', [
                "'12'", '0', '-1', '0.5', '1', '1000', '1500', '20000', '1e6', '1e12',
                'np.int64(7)', '-87', '-83', '-82', '-40', '-39', '-38', '-37', '-36', '-35',
                '-34', '-33', '-32', '-31', '-30', '-29', '-28', '-27', '-26', '-25', '-24',
                '-23', '-22', '-21', '-20', '-19', '-18', '-17', '-16', '-15', '-14', '-13',
                '-12', '-11', '-10', '-9', '-8', '-7', '-6', '-5', '-4', '-3', '4', '5', '6',
                '7', '8', '9', '10', '11', '12', '13', '14', '15', '16', '17', '18', '19',
                '20', '21', '22', '23', '24', '25', '26', '27', '28', '29', '30', '31', '32',
                '33', '34', '35', '36', '37', '38', '39', '75', '76', '77', '78', '79', '80',
                '81', '82', '83', '84', '85', '86', '87', '88', '89', '90', '91', '92', '93',
                '94', 'pd.Timedelta(days=0)', 'datetime.timedelta(days=0)', 'float(0)',
                'pd.Timedelta(days=1)', 'datetime.timedelta(days=1)', 'float(1)',
                'pd.Timedelta(days=16)', 'datetime.timedelta(days=16)', 'float(16)',
                'pd.Timedelta(days=17)', 'datetime.timedelta(days=17)', 'float(17)',
                'pd.Timedelta(days=24)', 'datetime.timedelta(days=24)', 'float(24)',
                'pd.Timedelta(days=33)', 'datetime.timedelta(days=33)', 'float(33)',
                'pd.Timedelta(days=82)', 'datetime.timedelta(days=82)', 'float(82)',
                'pd.Timedelta(days=83)', 'datetime.timedelta(days=83)', 'float(83)',
                'pd.Timedelta(days=84)', 'datetime.timedelta(days=84)', 'float(84)',
                'pd.Timedelta(days=87)', 'datetime.timedelta(days=87)', 'float(87)', '2.5',
            ]),
            ('✘ belamy.dispute_days: a bool is not a number of days. Hint: '
                "Give a whole number of days (a Timedelta's .days is one).", [
                'True',
            ]),
            ('✘ belamy.dispute_days: a list is not a number of days. Hint: '
                "Give a whole number of days (a Timedelta's .days is one).", [
                '[1, 2]',
            ]),
            ('✘ belamy.dispute_days: a Series is not a number of days. Hint: '
                "Give a whole number of days (a Timedelta's .days is one).", [
                'pd.Series([1.0])',
            ]),
            ('✘ belamy.dispute_days: a DataFrame is not a number of days. '
                "Hint: Give a whole number of days (a Timedelta's .days is one).", [
                "pd.DataFrame({'a': [1]})",
            ]),
            ('✘ belamy.dispute_days: a float is not a number of days. Hint: '
                "Give a whole number of days (a Timedelta's .days is one).", [
                "float('nan')", "float('inf')",
            ]),
            ('✔ belamy.dispute_days: correct: the credit question surfaced '
                'days, not months, before the sale.', [
                '2', 'pd.Timedelta(days=2)', 'datetime.timedelta(days=2)', 'float(2)',
                'pd.Timedelta(days=2, hours=12)', 'datetime.timedelta(hours=48)',
            ]),
            ('✘ belamy.dispute_days: not the number of days the events table '
                'gives. Hint: Count the days between the two dates, not both end '
                'days.', [
                'np.float64(3.0)', 'pd.Timedelta(days=3)', 'datetime.timedelta(days=3)', '3',
                'float(3)',
            ]),
            ('✘ belamy.dispute_days: a range is not a number of days. Hint: '
                "Give a whole number of days (a Timedelta's .days is one).", [
                'range(3)',
            ]),
            ('✘ belamy.dispute_days: not the number of days the events table '
                'gives. Hint: You subtracted the wrong way round: the sale came '
                'later.', [
                '-2',
            ]),
            ('✘ belamy.dispute_days: a timedelta64 is not a number of days. '
                "Hint: Give a whole number of days (a Timedelta's .days is one).", [
                "np.timedelta64(0, 'D')", "np.timedelta64(1, 'D')", "np.timedelta64(2, 'D')",
                "np.timedelta64(3, 'D')", "np.timedelta64(16, 'D')",
                "np.timedelta64(17, 'D')", "np.timedelta64(24, 'D')",
                "np.timedelta64(33, 'D')", "np.timedelta64(82, 'D')",
                "np.timedelta64(83, 'D')", "np.timedelta64(84, 'D')",
                "np.timedelta64(87, 'D')",
            ]),
        ],
        'belamy.premium_gap': [
            ('✘ belamy.premium_gap: no answer yet. Hint: Replace the None in '
                "the answer cell above: subtract the essay's price "
                '(corrections.csv) from the price in sales.csv, in US$.', [
                'None', "''", "'   '",
            ]),
            ('✘ belamy.premium_gap: a str is not a number of dollars. Hint: '
                'Give one number: a difference between two prices.', [
                "'abc'",
            ]),
            ('✘ belamy.premium_gap: not the gap between the two figures. '
                'Hint: Take the number in claim_in_source of the Belamy price '
                'row of corrections.csv and the price column of sales.csv.', [
                "'12'", '-1', '0.5', '1', '2', '1000', '1500', '20000', 'np.float64(3.0)',
                'np.int64(7)', '-432500.0', '-432000.0', '5.0', '485.0', '499.0', '500.6',
                '501.0', '502.49999999999994', '507.49999999999994', '4320.0', '4325.0',
                '12000.0', '50000.0',
            ]),
            ('✘ belamy.premium_gap: a bool is not a number of dollars. Hint: '
                'Give one number: a difference between two prices.', [
                'True',
            ]),
            ('✘ belamy.premium_gap: a list is not a number of dollars. Hint: '
                'Give one number: a difference between two prices.', [
                '[1, 2]',
            ]),
            ('✘ belamy.premium_gap: a Series is not a number of dollars. '
                'Hint: Give one number: a difference between two prices.', [
                'pd.Series([1.0])',
            ]),
            ('✘ belamy.premium_gap: a DataFrame is not a number of dollars. '
                'Hint: Give one number: a difference between two prices.', [
                "pd.DataFrame({'a': [1]})",
            ]),
            ('✘ belamy.premium_gap: a float is not a number of dollars. Hint: '
                'Give one number: a difference between two prices.', [
                "float('nan')", "float('inf')",
            ]),
            ('✘ belamy.premium_gap: not the gap between the two figures. '
                'Hint: The two figures are not equal: read the number out of the '
                "essay's claim in corrections.csv (source S04) and compare it "
                'with sales.csv.', [
                '0',
            ]),
            ('✘ belamy.premium_gap: not the gap between the two figures. '
                'Hint: Give the difference between the two prices, not one of '
                'the prices.', [
                '1e6', '1e12', '419040.0', '419525.0', '431999.0', '432000.0', '432000.4',
                '432000.6', '432001.0', '432216.0', '432499.0', '432500.0', '432500.4',
                '432500.6', '432501.0', '432716.25', '434159.99999999994',
                '434662.49999999994', '438479.99999999994', '438987.49999999994',
                '10368000.0', '10380000.0', '43200000.0', '43250000.0',
            ]),
            ('✘ belamy.premium_gap: a Timedelta is not a number of dollars. '
                'Hint: Give one number: a difference between two prices.', [
                'pd.Timedelta(days=3)',
            ]),
            ('✘ belamy.premium_gap: a timedelta is not a number of dollars. '
                'Hint: Give one number: a difference between two prices.', [
                'datetime.timedelta(days=3)',
            ]),
            ('✘ belamy.premium_gap: a range is not a number of dollars. Hint: '
                'Give one number: a difference between two prices.', [
                'range(3)',
            ]),
            ('✘ belamy.premium_gap: not the gap between the two figures. '
                'Hint: You subtracted the wrong way round: start from the price '
                'in sales.csv.', [
                '-500.0',
            ]),
            ('✔ belamy.premium_gap: correct: a small gap, but the two figures '
                'mean different things.', [
                '500.0', '500.25', '500.4',
            ]),
        ],
        'belamy.price_ratio': [
            ('✘ belamy.price_ratio: no answer yet. Hint: Replace the None in '
                'the answer cell above: divide the price paid by the high '
                'estimate (sales.csv), as a number.', [
                'None', "''", "'   '",
            ]),
            ('✘ belamy.price_ratio: a str is not a number. Hint: Give one '
                'number: price divided by estimate.', [
                "'abc'",
            ]),
            ('✘ belamy.price_ratio: not the multiple the sales table gives. '
                'Hint: Divide the price column by the estimate_high column of '
                'the Belamy row in sales.csv.', [
                "'12'", '0', '-1', '1', '2', '1000', '1500', '20000', '1e6', '1e12',
                'np.float64(3.0)', 'np.int64(7)', '-4325.0', '-61.785714285714285',
                '-50.88235294117647', '-43.25', '-43.2', '-42.25', '40.9825', '41.25',
                '41.904', '41.9525', '42.0', '42.2', '44.2', '44.25', '49.35588235294117',
                '49.88235294117647', '51.0', '51.13676470588235', '51.28235294117647',
                '51.48235294117647', '51.64558823529411', '51.88235294117647',
                '59.93214285714286', '60.785714285714285', '62.0', '62.09464285714285',
                '62.18571428571428', '62.385714285714286', '62.71249999999999',
                '62.785714285714285', '1014.0', '1036.8000000000002', '1038.0',
                '1221.1764705882354', '1482.857142857143', '4195.25', '4225.0', '4320.0',
                '4346.624999999999', '4389.875', '5088.235294117647', '6178.571428571428',
                '103800.0', '432500.0',
            ]),
            ('✘ belamy.price_ratio: a bool is not a number. Hint: Give one '
                'number: price divided by estimate.', [
                'True',
            ]),
            ('✘ belamy.price_ratio: a list is not a number. Hint: Give one '
                'number: price divided by estimate.', [
                '[1, 2]',
            ]),
            ('✘ belamy.price_ratio: a Series is not a number. Hint: Give one '
                'number: price divided by estimate.', [
                'pd.Series([1.0])',
            ]),
            ('✘ belamy.price_ratio: a DataFrame is not a number. Hint: Give '
                'one number: price divided by estimate.', [
                "pd.DataFrame({'a': [1]})",
            ]),
            ('✘ belamy.price_ratio: a float is not a number. Hint: Give one '
                'number: price divided by estimate.', [
                "float('nan')", "float('inf')",
            ]),
            ('✘ belamy.price_ratio: not the multiple the sales table gives. '
                'Hint: You divided the wrong way round: the price goes on top.', [
                '0.5', '0.4225', '0.43200000000000005', '0.4325', '0.5088235294117647',
                '0.6178571428571429',
            ]),
            ('✘ belamy.price_ratio: a Timedelta is not a number. Hint: Give '
                'one number: price divided by estimate.', [
                'pd.Timedelta(days=3)',
            ]),
            ('✘ belamy.price_ratio: a timedelta is not a number. Hint: Give '
                'one number: price divided by estimate.', [
                'datetime.timedelta(days=3)',
            ]),
            ('✘ belamy.price_ratio: a range is not a number. Hint: Give one '
                'number: price divided by estimate.', [
                'range(3)',
            ]),
            ('✘ belamy.price_ratio: not the multiple the sales table gives. '
                'Hint: The question asks for a multiple (price / estimate), not '
                'for the increase.', [
                '42.25', '42.271125',
            ]),
            ('✘ belamy.price_ratio: not the multiple the sales table gives. '
                'Hint: Very close: keep the full result of the division; do not '
                'round it.', [
                '42.46124999999999', '42.65', '42.85', '42.88375', '43.0', '43.416',
                '43.466249999999995', '43.6', '43.65', '43.800000000000004', '43.848',
                '43.85', '43.89874999999999',
            ]),
            ('✘ belamy.price_ratio: not the multiple the sales table gives. '
                "Hint: Use the price in sales.csv, which includes the buyer's "
                'premium, not a rounded one, and keep the full result of the '
                'division (do not round it).', [
                '43.2',
            ]),
            ('✔ belamy.price_ratio: correct: the price left the estimate far behind.', [
                '43.2216', '43.25', '43.271625', '4324.0', '4325.0', '4325.4', '4325.6',
                '4326.0', '4327.162499999999',
            ]),
            ('✘ belamy.price_ratio: not the multiple the sales table gives. '
                'Hint: Use the high estimate, not the middle of the range.', [
                '50.88', '50.88235294117647', '50.90779411764706',
            ]),
            ('✘ belamy.price_ratio: not the multiple the sales table gives. '
                'Hint: Compare with the top of the estimate range, not the '
                'bottom.', [
                '61.785714285714285', '61.79', '61.81660714285714',
            ]),
        ],
    },
    'christies': {
        'christies.average_per_sold_lot': [
            ('✘ christies.average_per_sold_lot: no answer yet. Hint: Replace '
                "the None in the answer cell above: the sale's total divided by "
                'the number of lots sold, in US dollars (facts.csv).', [
                'None', "''", "'   '",
            ]),
            ('✘ christies.average_per_sold_lot: a str is not a number. Hint: '
                'Give one number (US dollars), without a % sign or quotation '
                'marks.', [
                "'abc'",
            ]),
            ('✘ christies.average_per_sold_lot: not the average the tables '
                'give. Hint: Divide christies_total by christies_lots_sold '
                '(facts.csv, value_num).', [
                "'12'", '0', '-1', '0.5', '1', '2', '1000', '1500', '20000', '1e6', '1e12',
                'np.float64(3.0)', 'np.int64(7)', '-26028.0', '-21434.823529411766',
                '-21428.571428571428', '-16725.333333333332', '-0.9999615798370985',
                '-3.84201629014907e-05', '0.0', '3.84201629014907e-07',
                '3.726755801444598e-05', '3.8439372982941444e-05', '3.861226371599815e-05',
                '3.8996465345013056e-05', '0.0009220839096357768', '0.00384201629014907',
                '0.40003842016290153', '0.6000384201629014', '1.0000384201629016',
                '167.25333333333333', '214.28571428571428', '214.34823529411767', '260.28',
                '16223.573333333332', '16733.695999999996', '16808.959999999995',
                '16976.21333333333', '20785.714285714283', '20791.778823529414',
                '21439.285714285714', '21445.54094117647', '21535.714285714283',
                '21541.997647058823', '21749.999999999996', '21756.34588235294', '25247.16',
                '26418.42', '401408.0', '514285.71428571426', '514435.7647058824',
                '624672.0', '1672533.3333333333', '2142857.1428571427', '2143482.3529411764',
                '2602800.0',
            ]),
            ('✘ christies.average_per_sold_lot: a bool is not a number. Hint: '
                'Give one number (US dollars), without a % sign or quotation '
                'marks.', [
                'True',
            ]),
            ('✘ christies.average_per_sold_lot: a list is not a number. Hint: '
                'Give one number (US dollars), without a % sign or quotation '
                'marks.', [
                '[1, 2]',
            ]),
            ('✘ christies.average_per_sold_lot: a Series is not a number. '
                'Hint: Give one number (US dollars), without a % sign or '
                'quotation marks.', [
                'pd.Series([1.0])',
            ]),
            ('✘ christies.average_per_sold_lot: a DataFrame is not a number. '
                'Hint: Give one number (US dollars), without a % sign or '
                'quotation marks.', [
                "pd.DataFrame({'a': [1]})",
            ]),
            ('✘ christies.average_per_sold_lot: a float is not a number. '
                'Hint: Give one number (US dollars), without a % sign or '
                'quotation marks.', [
                "float('nan')", "float('inf')",
            ]),
            ('✘ christies.average_per_sold_lot: a Timedelta is not a number. '
                'Hint: Give one number (US dollars), without a % sign or '
                'quotation marks.', [
                'pd.Timedelta(days=3)',
            ]),
            ('✘ christies.average_per_sold_lot: a timedelta is not a number. '
                'Hint: Give one number (US dollars), without a % sign or '
                'quotation marks.', [
                'datetime.timedelta(days=3)',
            ]),
            ('✘ christies.average_per_sold_lot: a range is not a number. '
                'Hint: Give one number (US dollars), without a % sign or '
                'quotation marks.', [
                'range(3)',
            ]),
            ('✘ christies.average_per_sold_lot: not the average the tables '
                'give. Hint: You divided the wrong way round: dollars go on top.', [
                '3.84201629014907e-05',
            ]),
            ('✘ christies.average_per_sold_lot: not the average the tables '
                'give. Hint: The question asks about every sold lot, the top lot '
                'included (leaving it out is a good follow-up question).', [
                '16724.333333333332', '16725.0', '16725.33', '16725.333333333332',
                '16725.733333333334', '16725.93333333333', '16726.333333333332',
            ]),
            ('✘ christies.average_per_sold_lot: not the average the tables '
                'give. Hint: Use the total actually sold, not the pre-sale '
                'estimate.', [
                '21427.571428571428', '21428.57', '21428.571428571428', '21428.97142857143',
                '21429.0', '21429.171428571426', '21429.571428571428',
            ]),
            ('✘ christies.average_per_sold_lot: not the average the tables '
                'give. Hint: Unsold lots brought in nothing: divide by the lots '
                'that sold.', [
                '21433.823529411766', '21434.82', '21434.823529411766', '21435.0',
                '21435.223529411767', '21435.423529411764', '21435.823529411766',
            ]),
            ('✔ christies.average_per_sold_lot: correct: the average sold '
                'lot, in US dollars.', [
                '26027.0', '26028.0', '26028.4', '26028.6', '26029.0', '26041.014',
                '26158.139999999996',
            ]),
        ],
        'christies.letter_claim_verdict': [
            ('✘ christies.letter_claim_verdict: no answer yet. Hint: Replace '
                'the None in the answer cell above: the verdict corrections.csv '
                'gives on the signature count in the SCMP feature (source S01), '
                'as a word.', [
                'None', "''", "'   '",
            ]),
            ('✘ christies.letter_claim_verdict: not the verdict the '
                'corrections table gives. Hint: Give one of the words used in '
                "the verdict column of corrections.csv, from the row on S01's "
                'signature count.', [
                "'abc'", "'12'", "'outdated'", "'nonsense'",
            ]),
            ('✘ christies.letter_claim_verdict: a bool is not a word. Hint: '
                'Give the verdict as text, e.g. the value in the verdict column.', [
                'True',
            ]),
            ('✘ christies.letter_claim_verdict: a list is not a word. Hint: '
                'Give the verdict as text, e.g. the value in the verdict column.', [
                '[1, 2]', "['imprecise']",
            ]),
            ('✘ christies.letter_claim_verdict: a Series is not a word. Hint: '
                'Give the verdict as text, e.g. the value in the verdict column.', [
                'pd.Series([1.0])',
            ]),
            ('✘ christies.letter_claim_verdict: a DataFrame is not a word. '
                'Hint: Give the verdict as text, e.g. the value in the verdict '
                'column.', [
                "pd.DataFrame({'a': [1]})",
            ]),
            ('✘ christies.letter_claim_verdict: a float is not a word. Hint: '
                'Give the verdict as text, e.g. the value in the verdict column.', [
                "float('nan')", "float('inf')", '0.5', '1e6', '1e12',
            ]),
            ('✘ christies.letter_claim_verdict: a int is not a word. Hint: '
                'Give the verdict as text, e.g. the value in the verdict column.', [
                '0', '-1', '1', '2', '1000', '1500', '20000', '42',
            ]),
            ('✘ christies.letter_claim_verdict: a float64 is not a word. '
                'Hint: Give the verdict as text, e.g. the value in the verdict '
                'column.', [
                'np.float64(3.0)',
            ]),
            ('✘ christies.letter_claim_verdict: a int64 is not a word. Hint: '
                'Give the verdict as text, e.g. the value in the verdict column.', [
                'np.int64(7)',
            ]),
            ('✘ christies.letter_claim_verdict: a Timedelta is not a word. '
                'Hint: Give the verdict as text, e.g. the value in the verdict '
                'column.', [
                'pd.Timedelta(days=3)',
            ]),
            ('✘ christies.letter_claim_verdict: a timedelta is not a word. '
                'Hint: Give the verdict as text, e.g. the value in the verdict '
                'column.', [
                'datetime.timedelta(days=3)',
            ]),
            ('✘ christies.letter_claim_verdict: a range is not a word. Hint: '
                'Give the verdict as text, e.g. the value in the verdict column.', [
                'range(3)',
            ]),
            ('✔ christies.letter_claim_verdict: correct: close to the checked '
                'count, but it says more than the sources do.', [
                "'imprecise'", "' Imprecise '", "'IMPRECISE'",
            ]),
            ('✘ christies.letter_claim_verdict: not the verdict the '
                'corrections table gives. Hint: Compare claim_in_source with '
                "verified_value: do 'over' and 'nearly' say the same thing?", [
                "'confirmed'", "'ok'", "'true'",
            ]),
            ('✘ christies.letter_claim_verdict: not the verdict the '
                'corrections table gives. Hint: Use the row whose source_id is '
                'S01 and whose claim is about signatories, and read its verdict '
                'column.', [
                "'wrong'", "'framing'", "'garbled_name'", "'unverified'",
            ]),
        ],
        'christies.sell_through': [
            ('✘ christies.sell_through: no answer yet. Hint: Replace the None '
                'in the answer cell above: the share of the lots offered that '
                'sold, in per cent, from the lot counts in facts.csv.', [
                'None', "''", "'   '",
            ]),
            ('✘ christies.sell_through: a str is not a number. Hint: Give one '
                'number (a percentage), without a % sign or quotation marks.', [
                "'abc'",
            ]),
            ('✘ christies.sell_through: not the share the lot counts give. '
                'Hint: Divide christies_lots_sold by christies_lots_offered '
                '(facts.csv, value_num) and multiply by 100.', [
                "'12'", '0', '-1', '0.5', '1', '2', '1000', '1500', '20000', '1e6', '1e12',
                'np.float64(3.0)', 'np.int64(7)', '-88.0', '-1.2142857142857142',
                '-0.8235294117647058', '-0.5882352941176471', '-0.4117647058823529',
                '-0.17647058823529416', '-0.17647058823529413', '0.0',
                '0.0017647058823529412', '0.004117647058823529', '0.0058823529411764705',
                '0.008235294117647058', '0.012142857142857143', '0.1711764705882353',
                '0.2142857142857142', '0.3994117647058823', '0.41794117647058815',
                '0.5705882352941176', '0.5764705882352942', '0.5970588235294118',
                '0.7764705882352941', '0.7988235294117646', '0.8117647058823529',
                '0.8358823529411763', '0.88', '0.9882352941176471', '1.0',
                '1.011764705882353', '1.1764705882352942', '1.1778571428571427',
                '1.188235294117647', '1.2203571428571427', '1.223529411764706',
                '1.2324999999999997', '1.4117647058823528', '1.4235294117647057',
                '1.5882352941176472', '1.6142857142857143', '1.814285714285714',
                '1.8235294117647058', '2.2142857142857144', '4.235294117647059',
                '9.882352941176471', '14.117647058823529', '19.764705882352942',
                '29.14285714285714', '85.36', '87.0', '88.6', '89.0', '89.32', '2112.0',
                '8800.0',
            ]),
            ('✘ christies.sell_through: a bool is not a number. Hint: Give '
                'one number (a percentage), without a % sign or quotation marks.', [
                'True',
            ]),
            ('✘ christies.sell_through: a list is not a number. Hint: Give '
                'one number (a percentage), without a % sign or quotation marks.', [
                '[1, 2]',
            ]),
            ('✘ christies.sell_through: a Series is not a number. Hint: Give '
                'one number (a percentage), without a % sign or quotation marks.', [
                'pd.Series([1.0])',
            ]),
            ('✘ christies.sell_through: a DataFrame is not a number. Hint: '
                'Give one number (a percentage), without a % sign or quotation '
                'marks.', [
                "pd.DataFrame({'a': [1]})",
            ]),
            ('✘ christies.sell_through: a float is not a number. Hint: Give '
                'one number (a percentage), without a % sign or quotation marks.', [
                "float('nan')", "float('inf')",
            ]),
            ('✘ christies.sell_through: a Timedelta is not a number. Hint: '
                'Give one number (a percentage), without a % sign or quotation '
                'marks.', [
                'pd.Timedelta(days=3)',
            ]),
            ('✘ christies.sell_through: a timedelta is not a number. Hint: '
                'Give one number (a percentage), without a % sign or quotation '
                'marks.', [
                'datetime.timedelta(days=3)',
            ]),
            ('✘ christies.sell_through: a range is not a number. Hint: Give '
                'one number (a percentage), without a % sign or quotation marks.', [
                'range(3)',
            ]),
            ('✘ christies.sell_through: not the share the lot counts give. '
                'Hint: That is the share of lots that did not sell.', [
                '0.17647058823529413', '0.17655882352941177', '0.17735294117647057',
                '0.17911764705882352', '0.18', '17.647058823529413',
            ]),
            ('✘ christies.sell_through: not the share the lot counts give. '
                "Hint: That is AFP's count of weak lots; the question asks about "
                'lots sold.', [
                '0.41', '0.4117647058823529', '0.4119705882352941', '0.41382352941176465',
                '41.17647058823529',
            ]),
            ('✘ christies.sell_through: not the share the lot counts give. '
                'Hint: A lot that sold below its estimate still sold: use the '
                'count of lots sold.', [
                '0.5882352941176471', '0.5885294117647059', '0.59', '0.5911764705882353',
                '58.82352941176471',
            ]),
            ('✔ christies.sell_through: correct: that is the sell-through by lot.', [
                '0.82', '0.8235294117647058', '0.8239411764705882', '0.8276470588235293',
                '82.35294117647058',
            ]),
            ('✘ christies.sell_through: not the share the lot counts give. '
                'Hint: You divided the wrong way round: lots sold go on top.', [
                '1.21', '1.2142857142857142', '1.214892857142857', '121.42857142857142',
            ]),
            ('✘ christies.sell_through: not the share the lot counts give. '
                'Hint: That is the figure one report gives; compute the share '
                'from the two lot counts yourself.', [
                '88.0', '88.044', '88.4', '88.44',
            ]),
        ],
        'christies.signatures_per_day': [
            ('✘ christies.signatures_per_day: no answer yet. Hint: Replace '
                'the None in the answer cell above: the signatures added per day '
                'between the first and the last dated count in the signature '
                'table (facts.csv), as a number.', [
                'None', "''", "'   '",
            ]),
            ('✘ christies.signatures_per_day: a str is not a number. Hint: '
                'Give one number (signatures per day), without a % sign or '
                'quotation marks.', [
                "'abc'",
            ]),
            ('✘ christies.signatures_per_day: not the rate the dated counts '
                'give. Hint: Take the last signatures value minus the first, and '
                'divide by the days between their dates.', [
                "'12'", '0', '-1', '0.5', '1', '2', '1000', '1500', '20000', '1e6', '1e12',
                'np.float64(3.0)', 'np.int64(7)', '-14583.333333333334', '-3500.0',
                '-270.8333333333333', '-250.0', '-148.02083333333334', '-141.45833333333334',
                '-140.0', '-1.4583333333333335', '1.4', '1.4583333333333335', '2.5',
                '2.708333333333333', '35.0', '135.79999999999998', '141.45833333333334',
                '142.1', '148.02083333333334', '242.5', '253.74999999999997',
                '262.7083333333333', '274.8958333333333', '3360.0', '3395.0',
                '3552.4999999999995', '6000.0', '6500.0', '14000.0', '14583.333333333334',
                '25000.0', '27083.333333333332', '84000.0', '350000.0',
            ]),
            ('✘ christies.signatures_per_day: a bool is not a number. Hint: '
                'Give one number (signatures per day), without a % sign or '
                'quotation marks.', [
                'True',
            ]),
            ('✘ christies.signatures_per_day: a list is not a number. Hint: '
                'Give one number (signatures per day), without a % sign or '
                'quotation marks.', [
                '[1, 2]',
            ]),
            ('✘ christies.signatures_per_day: a Series is not a number. Hint: '
                'Give one number (signatures per day), without a % sign or '
                'quotation marks.', [
                'pd.Series([1.0])',
            ]),
            ('✘ christies.signatures_per_day: a DataFrame is not a number. '
                'Hint: Give one number (signatures per day), without a % sign or '
                'quotation marks.', [
                "pd.DataFrame({'a': [1]})",
            ]),
            ('✘ christies.signatures_per_day: a float is not a number. Hint: '
                'Give one number (signatures per day), without a % sign or '
                'quotation marks.', [
                "float('nan')", "float('inf')",
            ]),
            ('✘ christies.signatures_per_day: a time span is not a rate. '
                'Hint: Divide the signatures added by the number of days (a '
                "Timedelta's .days).", [
                'pd.Timedelta(days=3)', 'datetime.timedelta(days=3)',
            ]),
            ('✘ christies.signatures_per_day: a range is not a number. Hint: '
                'Give one number (signatures per day), without a % sign or '
                'quotation marks.', [
                'range(3)',
            ]),
            ('✘ christies.signatures_per_day: not the rate the dated counts '
                'give. Hint: You subtracted the wrong way round: the later count '
                'comes first.', [
                '-146.83333333333334', '-146.5625', '-146.0', '-145.90625',
                '-145.83333333333334', '-145.83', '-145.43333333333334',
                '-145.23333333333335', '-144.83333333333334',
            ]),
            ('✘ christies.signatures_per_day: not the rate the dated counts '
                'give. Hint: Count the days between the two dates, not both end '
                'days.', [
                '139.0', '140.0', '140.07', '140.4', '140.6', '140.7', '141.0',
            ]),
            ('✔ christies.signatures_per_day: correct: the letter kept '
                'growing through the sale.', [
                '144.83333333333334', '145.83', '145.83333333333334', '145.90625', '146.0',
                '146.23333333333335', '146.43333333333334', '146.5625', '146.83333333333334',
            ]),
            ('✘ christies.signatures_per_day: not the rate the dated counts '
                'give. Hint: Start from the first dated count, not from the day '
                'the letter went online.', [
                '249.0', '250.0', '250.125', '250.4', '250.6', '251.0', '251.24999999999997',
            ]),
            ('✘ christies.signatures_per_day: not the rate the dated counts '
                'give. Hint: Use the growth (later count minus earlier count), '
                'not the final count.', [
                '269.8333333333333', '270.83', '270.8333333333333', '270.96874999999994',
                '271.0', '271.2333333333333', '271.43333333333334', '271.8333333333333',
                '272.18749999999994',
            ]),
            ('✘ christies.signatures_per_day: not the rate the dated counts '
                'give. Hint: That is the total growth; divide it by the number '
                'of days between the counts.', [
                '3499.0', '3500.0', '3500.4', '3500.6', '3501.0', '3501.75',
                '3517.4999999999995',
            ]),
        ],
        'christies.top_lot_share': [
            ('✘ christies.top_lot_share: no answer yet. Hint: Replace the '
                "None in the answer cell above: the top lot's price (sales.csv) "
                "as a share of the sale's total (facts.csv), in per cent.", [
                'None', "''", "'   '",
            ]),
            ('✘ christies.top_lot_share: a str is not a number. Hint: Give '
                'one number (a percentage), without a % sign or quotation marks.', [
                "'abc'",
            ]),
            ('✘ christies.top_lot_share: not the share the tables give. Hint: '
                'Divide the highest price among the christies rows of sales.csv '
                'by christies_total in facts.csv, then multiply by 100.', [
                "'12'", '0', '-1', '0.5', '1', '2', '1000', '1500', '20000', '1e6', '1e12',
                'np.float64(3.0)', 'np.int64(7)', '-2.629090909090909',
                '-0.8703319502074689', '-0.7255702649893521', '-0.6196403872752421',
                '-0.6138392857142857', '-0.538', '-0.462', '-0.3861607142857143',
                '-0.38035961272475793', '-0.2744297350106479', '-0.12966804979253113', '0.0',
                '0.0012966804979253114', '0.0027442973501064787', '0.0038035961272475795',
                '0.00462', '0.006138392857142857', '0.02629090909090909',
                '0.2661968429603284', '0.3689488243430152', '0.3860650069156293', '0.44814',
                '0.46892999999999996', '0.5296680497925311', '0.5954241071428571',
                '0.6230468749999999', '0.6744297350106478', '0.7296680497925311',
                '0.780359612724758', '0.8620000000000001', '0.8744297350106478',
                '0.9803596127247579', '1.0', '1.0138392857142857', '1.062',
                '1.129668049792531', '1.2138392857142857', '1.274429735010648',
                '1.380359612724758', '1.462', '1.6138392857142856', '1.629090909090909',
                '2.5502181818181815', '2.6685272727272724', '3.0', '3.029090909090909',
                '3.1120331950207474', '3.229090909090909', '3.629090909090909',
                '6.586313640255549', '9.12863070539419', '11.088000000000001',
                '14.732142857142858', '63.098181818181814', '262.9090909090909',
            ]),
            ('✘ christies.top_lot_share: a bool is not a number. Hint: Give '
                'one number (a percentage), without a % sign or quotation marks.', [
                'True',
            ]),
            ('✘ christies.top_lot_share: a list is not a number. Hint: Give '
                'one number (a percentage), without a % sign or quotation marks.', [
                '[1, 2]',
            ]),
            ('✘ christies.top_lot_share: a Series is not a number. Hint: Give '
                'one number (a percentage), without a % sign or quotation marks.', [
                'pd.Series([1.0])',
            ]),
            ('✘ christies.top_lot_share: a DataFrame is not a number. Hint: '
                'Give one number (a percentage), without a % sign or quotation '
                'marks.', [
                "pd.DataFrame({'a': [1]})",
            ]),
            ('✘ christies.top_lot_share: a float is not a number. Hint: Give '
                'one number (a percentage), without a % sign or quotation marks.', [
                "float('nan')", "float('inf')",
            ]),
            ('✘ christies.top_lot_share: a Timedelta is not a number. Hint: '
                'Give one number (a percentage), without a % sign or quotation '
                'marks.', [
                'pd.Timedelta(days=3)',
            ]),
            ('✘ christies.top_lot_share: a timedelta is not a number. Hint: '
                'Give one number (a percentage), without a % sign or quotation '
                'marks.', [
                'datetime.timedelta(days=3)',
            ]),
            ('✘ christies.top_lot_share: a range is not a number. Hint: Give '
                'one number (a percentage), without a % sign or quotation marks.', [
                'range(3)',
            ]),
            ('✘ christies.top_lot_share: not the share the tables give. Hint: '
                'Take the lot with the highest price.', [
                '0.12577800829875518', '0.12966804979253113', '0.1297328838174274', '0.13',
                '0.13031639004149378', '0.1316130705394191', '12.966804979253114',
            ]),
            ('✘ christies.top_lot_share: not the share the tables give. Hint: '
                "Use the price paid, not the lot's estimate.", [
                '0.27', '0.2744297350106479', '0.27456694987815317', '0.2758018836857011',
                '0.2785461810358076', '27.442973501064788',
            ]),
            ('✔ christies.top_lot_share: correct: one lot brought in a large '
                'part of the money.', [
                '0.38', '0.38035961272475793', '0.3805497925311203', '0.38226141078838166',
                '38.035961272475795',
            ]),
            ('✘ christies.top_lot_share: not the share the tables give. Hint: '
                'Use the total actually sold (christies_total), not the estimate '
                'made before the sale.', [
                '0.46', '0.462', '0.462231', '0.46430999999999994', '46.2',
            ]),
            ('✘ christies.top_lot_share: not the share the tables give. Hint: '
                'Compare with the whole total, not with the other lots only.', [
                '0.61', '0.6138392857142857', '0.6141462053571428', '0.6169084821428571',
                '61.38392857142857',
            ]),
            ('✘ christies.top_lot_share: not the share. Hint: You divided the '
                'wrong way round: the lot goes on top.', [
                '2.629090909090909', '2.63', '2.6304054545454543', '2.6422363636363633',
            ]),
        ],
    },
    'lofter': {
        'lofter.days_since_artstation': [
            ('✘ lofter.days_since_artstation: no answer yet. Hint: Replace '
                'the None in the answer cell above: the number of days from the '
                "day ArtStation's protest filled its Trending page to LOFTER's "
                'first official reply, from events.csv.', [
                'None', "''", "'   '",
            ]),
            ('✘ lofter.days_since_artstation: got str, not a number of days. '
                'Hint: Give a whole number of days, e.g. the .days of a date '
                'difference.', [
                "'abc'",
            ]),
            ('✘ lofter.days_since_artstation: not the right number of days. '
                'Hint: Take the dates of artstation_trending_full and '
                'lofter_first_reply. Count whole days by subtracting one date '
                'from the other.', [
                "'12'", '0', '0.5', '1', '2', '1000', '1500', '20000', '1e6', '1e12',
                'np.float64(3.0)', 'np.int64(7)', 'pd.Timedelta(days=3)',
                'datetime.timedelta(days=3)', '3', '4', '5', '6', '7', '8', '9', '10', '11',
                '12', '13', '14', '15', '16', '17', '18', '19', '20', '21', '22', '23', '24',
                '25', '26', '27', '28', '29', '30', '31', '32', '33', '34', '35', '36', '37',
                '38', '39', '75', '76', '77', '78', '79', '80', '81', '85', '86', '88', '89',
                '90', '91', '92', '93', '94', 'pd.Timedelta(days=0)',
                'datetime.timedelta(days=0)', 'float(0)', 'pd.Timedelta(days=1)',
                'datetime.timedelta(days=1)', 'float(1)', 'pd.Timedelta(days=2)',
                'datetime.timedelta(days=2)', 'float(2)', 'float(3)',
                'pd.Timedelta(days=16)', 'datetime.timedelta(days=16)', 'float(16)',
                'pd.Timedelta(days=17)', 'datetime.timedelta(days=17)', 'float(17)',
                'pd.Timedelta(days=24)', 'datetime.timedelta(days=24)', 'float(24)',
                'pd.Timedelta(days=33)', 'datetime.timedelta(days=33)', 'float(33)',
                'pd.Timedelta(days=2, hours=12)', 'datetime.timedelta(hours=48)', '2.5',
            ]),
            ('✘ lofter.days_since_artstation: got bool, not a number of days. '
                'Hint: Give a whole number of days, e.g. the .days of a date '
                'difference.', [
                'True',
            ]),
            ('✘ lofter.days_since_artstation: got list, not a number of days. '
                'Hint: Give a whole number of days, e.g. the .days of a date '
                'difference.', [
                '[1, 2]',
            ]),
            ('✘ lofter.days_since_artstation: got a pandas Series (a column '
                'of values), not a number of days. Hint: Take the single value '
                'out, e.g. with .iloc[0], or index the table by its id column '
                "first (.set_index('event_id') or 'fact_id') so a lookup gives "
                'one value.', [
                'pd.Series([1.0])',
            ]),
            ('✘ lofter.days_since_artstation: got a whole table (DataFrame), '
                'not a number of days. Hint: Select the column you need, then '
                'take the value(s) out of it.', [
                "pd.DataFrame({'a': [1]})",
            ]),
            ('✘ lofter.days_since_artstation: got float, not a number of '
                'days. Hint: Give a whole number of days, e.g. the .days of a '
                'date difference.', [
                "float('nan')", "float('inf')",
            ]),
            ('✘ lofter.days_since_artstation: a negative number of days. '
                'Hint: Subtract the earlier date from the later one.', [
                '-1', '-87', '-83', '-82', '-40', '-39', '-38', '-37', '-36', '-35', '-34',
                '-33', '-32', '-31', '-30', '-29', '-28', '-27', '-26', '-25', '-24', '-23',
                '-22', '-21', '-20', '-19', '-18', '-17', '-16', '-15', '-14', '-13', '-12',
                '-11', '-10', '-9', '-8', '-7', '-6', '-5', '-4', '-3', '-2',
            ]),
            ('✘ lofter.days_since_artstation: got range, not a number of '
                'days. Hint: Give a whole number of days, e.g. the .days of a '
                'date difference.', [
                'range(3)',
            ]),
            ('✘ lofter.days_since_artstation: not the right number of days. '
                "Hint: That starts at Epic Games' FAQ; the question asks from "
                'the day the protest image filled the Trending page.', [
                '82', 'pd.Timedelta(days=82)', 'datetime.timedelta(days=82)', 'float(82)',
            ]),
            ('✔ lofter.days_since_artstation: right: that is the gap the '
                'dates in events.csv allow.', [
                '83', 'pd.Timedelta(days=83)', 'datetime.timedelta(days=83)', 'float(83)',
            ]),
            ('✘ lofter.days_since_artstation: not the right number of days. '
                'Hint: Did you count both end days? Subtract the dates.', [
                '84', 'pd.Timedelta(days=84)', 'datetime.timedelta(days=84)', 'float(84)',
            ]),
            ('✘ lofter.days_since_artstation: not the right number of days. '
                'Hint: That starts at the first complaints; the question asks '
                'from the day the protest image filled the Trending page.', [
                '87', 'pd.Timedelta(days=87)', 'datetime.timedelta(days=87)', 'float(87)',
            ]),
            ('✘ lofter.days_since_artstation: got timedelta64, not a number '
                'of days. Hint: Give a whole number of days, e.g. the .days of a '
                'date difference.', [
                "np.timedelta64(0, 'D')", "np.timedelta64(1, 'D')", "np.timedelta64(2, 'D')",
                "np.timedelta64(3, 'D')", "np.timedelta64(16, 'D')",
                "np.timedelta64(17, 'D')", "np.timedelta64(24, 'D')",
                "np.timedelta64(33, 'D')", "np.timedelta64(82, 'D')",
                "np.timedelta64(83, 'D')", "np.timedelta64(84, 'D')",
                "np.timedelta64(87, 'D')",
            ]),
        ],
        'lofter.days_to_withdrawal': [
            ('✘ lofter.days_to_withdrawal: no answer yet. Hint: Replace the '
                'None in the answer cell above: the number of whole days from '
                "LOFTER's first official reply to the feature's withdrawal, from "
                'events.csv.', [
                'None', "''", "'   '",
            ]),
            ('✘ lofter.days_to_withdrawal: got str, not a number of days. '
                'Hint: Give a whole number of days, e.g. the .days of a date '
                'difference.', [
                "'abc'",
            ]),
            ('✘ lofter.days_to_withdrawal: not the right number of days. '
                'Hint: Use the rows lofter_first_reply and lofter_withdrawn. '
                'Count whole days by subtracting one date from the other.', [
                "'12'", '0', '0.5', '1', '1000', '1500', '20000', '1e6', '1e12',
                'np.int64(7)', '5', '6', '7', '8', '9', '11', '12', '13', '14', '15', '16',
                '17', '18', '19', '20', '21', '22', '23', '24', '25', '26', '27', '28', '29',
                '30', '31', '32', '33', '34', '35', '36', '37', '38', '39', '75', '76', '77',
                '78', '79', '80', '81', '82', '83', '84', '85', '86', '87', '88', '89', '90',
                '91', '92', '93', '94', 'pd.Timedelta(days=0)', 'datetime.timedelta(days=0)',
                'float(0)', 'pd.Timedelta(days=1)', 'datetime.timedelta(days=1)', 'float(1)',
                'pd.Timedelta(days=16)', 'datetime.timedelta(days=16)', 'float(16)',
                'pd.Timedelta(days=17)', 'datetime.timedelta(days=17)', 'float(17)',
                'pd.Timedelta(days=24)', 'datetime.timedelta(days=24)', 'float(24)',
                'pd.Timedelta(days=33)', 'datetime.timedelta(days=33)', 'float(33)',
                'pd.Timedelta(days=82)', 'datetime.timedelta(days=82)', 'float(82)',
                'pd.Timedelta(days=83)', 'datetime.timedelta(days=83)', 'float(83)',
                'pd.Timedelta(days=84)', 'datetime.timedelta(days=84)', 'float(84)',
                'pd.Timedelta(days=87)', 'datetime.timedelta(days=87)', 'float(87)',
                'pd.Timedelta(days=2, hours=12)', '2.5',
            ]),
            ('✘ lofter.days_to_withdrawal: got bool, not a number of days. '
                'Hint: Give a whole number of days, e.g. the .days of a date '
                'difference.', [
                'True',
            ]),
            ('✘ lofter.days_to_withdrawal: got list, not a number of days. '
                'Hint: Give a whole number of days, e.g. the .days of a date '
                'difference.', [
                '[1, 2]',
            ]),
            ('✘ lofter.days_to_withdrawal: got a pandas Series (a column of '
                'values), not a number of days. Hint: Take the single value out, '
                'e.g. with .iloc[0], or index the table by its id column first '
                "(.set_index('event_id') or 'fact_id') so a lookup gives one "
                'value.', [
                'pd.Series([1.0])',
            ]),
            ('✘ lofter.days_to_withdrawal: got a whole table (DataFrame), not '
                'a number of days. Hint: Select the column you need, then take '
                'the value(s) out of it.', [
                "pd.DataFrame({'a': [1]})",
            ]),
            ('✘ lofter.days_to_withdrawal: got float, not a number of days. '
                'Hint: Give a whole number of days, e.g. the .days of a date '
                'difference.', [
                "float('nan')", "float('inf')",
            ]),
            ('✘ lofter.days_to_withdrawal: a negative number of days. Hint: '
                'Subtract the earlier date from the later one.', [
                '-1', '-87', '-83', '-82', '-40', '-39', '-38', '-37', '-36', '-35', '-34',
                '-33', '-32', '-31', '-30', '-29', '-28', '-27', '-26', '-25', '-24', '-23',
                '-22', '-21', '-20', '-19', '-18', '-17', '-16', '-15', '-14', '-13', '-12',
                '-11', '-10', '-9', '-8', '-7', '-6', '-5', '-4', '-3', '-2',
            ]),
            ('✔ lofter.days_to_withdrawal: right: that is the gap the dates '
                'in events.csv allow.', [
                '2', 'pd.Timedelta(days=2)', 'datetime.timedelta(days=2)', 'float(2)',
                'datetime.timedelta(hours=48)',
            ]),
            ('✘ lofter.days_to_withdrawal: not the right number of days. '
                'Hint: Did you count both the first and the last day? Subtract '
                'the dates.', [
                'np.float64(3.0)', 'pd.Timedelta(days=3)', 'datetime.timedelta(days=3)', '3',
                'float(3)',
            ]),
            ('✘ lofter.days_to_withdrawal: got range, not a number of days. '
                'Hint: Give a whole number of days, e.g. the .days of a date '
                'difference.', [
                'range(3)',
            ]),
            ('✘ lofter.days_to_withdrawal: not the right number of days. '
                'Hint: That is the creator-protection plan; find the event where '
                'the feature goes offline.', [
                '4',
            ]),
            ('✘ lofter.days_to_withdrawal: not the right number of days. '
                'Hint: That is the apology letter; find the event where the '
                'feature goes offline.', [
                '10',
            ]),
            ('✘ lofter.days_to_withdrawal: got timedelta64, not a number of '
                'days. Hint: Give a whole number of days, e.g. the .days of a '
                'date difference.', [
                "np.timedelta64(0, 'D')", "np.timedelta64(1, 'D')", "np.timedelta64(2, 'D')",
                "np.timedelta64(3, 'D')", "np.timedelta64(16, 'D')",
                "np.timedelta64(17, 'D')", "np.timedelta64(24, 'D')",
                "np.timedelta64(33, 'D')", "np.timedelta64(82, 'D')",
                "np.timedelta64(83, 'D')", "np.timedelta64(84, 'D')",
                "np.timedelta64(87, 'D')",
            ]),
        ],
        'lofter.unconfirmed_facts': [
            ('✘ lofter.unconfirmed_facts: no answer yet. Hint: Replace the '
                'None in the answer cell above: a list of the fact_id values of '
                "LOFTER facts (case_id 'lofter') whose status in facts.csv is "
                "not 'confirmed'.", [
                'None', "''", "'   '",
            ]),
            ('✘ lofter.unconfirmed_facts: 1 fact id(s) given, not the right '
                'set. Hint: None of these match. Filter facts.csv on case_id == '
                "'lofter' and on the status column.", [
                "'abc'", "'12'", 'pd.Series([1.0])', "['rembrandt_venue']", "['nonsense']",
                "['LOFTER_ANTIAI_VIEWS']",
            ]),
            ('✘ lofter.unconfirmed_facts: got bool, not a list of fact ids. '
                'Hint: Give a list of fact_id strings, e.g. '
                "list(frame['fact_id']).", [
                'True',
            ]),
            ('✘ lofter.unconfirmed_facts: 2 fact id(s) given, not the right '
                'set. Hint: None of these match. Filter facts.csv on case_id == '
                "'lofter' and on the status column.", [
                '[1, 2]',
            ]),
            ('✘ lofter.unconfirmed_facts: got a whole table (DataFrame), not '
                'a list of fact ids. Hint: Take only its fact_id column, e.g. '
                "list(table['fact_id']).", [
                "pd.DataFrame({'a': [1]})",
                "pd.DataFrame({'fact_id': ['lofter_antiai_views']})",
            ]),
            ('✘ lofter.unconfirmed_facts: got float, not a list of fact ids. '
                'Hint: Give a list of fact_id strings, e.g. '
                "list(frame['fact_id']).", [
                "float('nan')", "float('inf')", '0.5', '1e6', '1e12',
            ]),
            ('✘ lofter.unconfirmed_facts: got int, not a list of fact ids. '
                'Hint: Give a list of fact_id strings, e.g. '
                "list(frame['fact_id']).", [
                '0', '-1', '1', '2', '1000', '1500', '20000', '42',
            ]),
            ('✘ lofter.unconfirmed_facts: got float64, not a list of fact '
                'ids. Hint: Give a list of fact_id strings, e.g. '
                "list(frame['fact_id']).", [
                'np.float64(3.0)',
            ]),
            ('✘ lofter.unconfirmed_facts: got int64, not a list of fact ids. '
                'Hint: Give a list of fact_id strings, e.g. '
                "list(frame['fact_id']).", [
                'np.int64(7)',
            ]),
            ('✘ lofter.unconfirmed_facts: got Timedelta, not a list of fact '
                'ids. Hint: Give a list of fact_id strings, e.g. '
                "list(frame['fact_id']).", [
                'pd.Timedelta(days=3)',
            ]),
            ('✘ lofter.unconfirmed_facts: got timedelta, not a list of fact '
                'ids. Hint: Give a list of fact_id strings, e.g. '
                "list(frame['fact_id']).", [
                'datetime.timedelta(days=3)',
            ]),
            ('✘ lofter.unconfirmed_facts: 3 fact id(s) given, not the right '
                'set. Hint: None of these match. Filter facts.csv on case_id == '
                "'lofter' and on the status column.", [
                'range(3)',
            ]),
            ('✔ lofter.unconfirmed_facts: right: these figures need care '
                'before you rely on them.', [
                "['lofter_antiai_views']", "'lofter_antiai_views'",
                "('lofter_antiai_views',)", "pd.Series(['lofter_antiai_views'])",
                "[' lofter_antiai_views ']",
            ]),
            ('✘ lofter.unconfirmed_facts: 2 fact id(s) given, not the right '
                'set. Hint: Some of these are confirmed: keep only rows whose '
                "status is not 'confirmed'.", [
                "['lofter_antiai_views', 'rembrandt_venue']",
            ]),
            ('✘ lofter.unconfirmed_facts: 2 fact id(s) given, not the right '
                "set. Hint: Filter on case_id == 'lofter' first, then on the "
                'status column.', [
                "['lofter_antiai_views', 'lofter_antiai_views']",
            ]),
        ],
    },
    'orientation': {
        'orientation.busiest_year': [
            ('✘ orientation.busiest_year: no answer yet. Hint: Replace the '
                'None in the answer cell above: the year (a whole number such as '
                '2019) in which the most main cases happened.', [
                'None', "''", "'   '",
            ]),
            ("✘ orientation.busiest_year: 'abc' is not a year. Hint: Give the "
                'year as a number, e.g. 2019.', [
                "'abc'",
            ]),
            ('✘ orientation.busiest_year: none of the five main cases '
                "happened that year. Hint: Filter the table to kind == 'main' "
                'first, then count the years.', [
                "'12'", '0', '-1', '0.5', '1', '2', '1000', '1500', '20000', '1e6', '1e12',
                'np.float64(3.0)', 'np.int64(7)', '2014', '2015', '2017', '2019', '2020',
                '2021', '2022', '2024', '2026', '2027', '2023.5',
            ]),
            ('✘ orientation.busiest_year: True is not a year. Hint: Give the '
                'year as a number, e.g. 2019.', [
                'True',
            ]),
            ('✘ orientation.busiest_year: [1, 2] is not a year. Hint: Give '
                'the year as a number, e.g. 2019.', [
                '[1, 2]',
            ]),
            ('✘ orientation.busiest_year: 0    1.0\ndtype: float64 is not a '
                'year. Hint: Give the year as a number, e.g. 2019.', [
                'pd.Series([1.0])',
            ]),
            ('✘ orientation.busiest_year:    a\n0  1 is not a year. Hint: Give '
                'the year as a number, e.g. 2019.', [
                "pd.DataFrame({'a': [1]})",
            ]),
            ('✘ orientation.busiest_year: nan is not a year. Hint: Give the '
                'year as a number, e.g. 2019.', [
                "float('nan')",
            ]),
            ('✘ orientation.busiest_year: inf is not a year. Hint: Give the '
                'year as a number, e.g. 2019.', [
                "float('inf')",
            ]),
            ("✘ orientation.busiest_year: Timedelta('3 days 00:00:00') is not "
                'a year. Hint: Give the year as a number, e.g. 2019.', [
                'pd.Timedelta(days=3)',
            ]),
            ('✘ orientation.busiest_year: datetime.timedelta(days=3) is not a '
                'year. Hint: Give the year as a number, e.g. 2019.', [
                'datetime.timedelta(days=3)',
            ]),
            ('✘ orientation.busiest_year: range(0, 3) is not a year. Hint: '
                'Give the year as a number, e.g. 2019.', [
                'range(3)',
            ]),
            ('✘ orientation.busiest_year: one case happened that year, but '
                'another year has more. Hint: Count the cases per year: '
                "`main['year'].value_counts()`.", [
                '2016', '2018', '2025',
            ]),
            ('✔ orientation.busiest_year: that year holds 2 of the five main cases.', [
                '2023', '2023.0', 'np.int64(2023)', "'2023'",
            ]),
        ],
    },
    'rembrandt': {
        'rembrandt.fragments_per_painting': [
            ('✘ rembrandt.fragments_per_painting: no answer yet. Hint: '
                'Replace the None in the answer cell above: divide the fragments '
                'used by the paintings analysed (facts.csv), as a number.', [
                'None', "''", "'   '",
            ]),
            ('✘ rembrandt.fragments_per_painting: a str is not a number. '
                'Hint: Give one number: fragments divided by paintings.', [
                "'abc'",
            ]),
            ('✘ rembrandt.fragments_per_painting: not the ratio the data '
                'gives. Hint: Take the rows rembrandt_fragments and '
                'rembrandt_paintings_analysed from facts.csv and divide their '
                'values.', [
                "'12'", '0', '-1', '1', '2', '1000', '1500', '20000', '1e6', '1e12',
                'np.float64(3.0)', 'np.int64(7)', '-427745.6647398844',
                '-491.30924855491327', '-486.30924855491327', '-481.2992485549133',
                '4.812992485549133', '4.863092485549132', '4.913092485549132',
                '466.86027109826586', '471.71997109826583', '476.56997109826585',
                '480.2992485549133', '481.0', '481.2992485549133', '481.3', '491.31',
                '491.5549031791907', '491.70924855491324', '491.9092485549133',
                '492.30924855491327', '493.60388728323693', '493.76579479768776',
                '498.6788872832369', '4277.456647398843', '11551.18196531792',
                '11671.421965317919', '11791.421965317919', '48129.92485549133',
                '48630.92485549133', '49130.92485549133', '414913.29479768785',
                '427744.6647398844', '427746.6647398844', '427959.5375722543',
                '429884.39306358376', '434161.8497109826', '10265895.953757225',
                '42774566.473988436',
            ]),
            ('✘ rembrandt.fragments_per_painting: a bool is not a number. '
                'Hint: Give one number: fragments divided by paintings.', [
                'True',
            ]),
            ('✘ rembrandt.fragments_per_painting: a list is not a number. '
                'Hint: Give one number: fragments divided by paintings.', [
                '[1, 2]',
            ]),
            ('✘ rembrandt.fragments_per_painting: a Series is not a number. '
                'Hint: Give one number: fragments divided by paintings.', [
                'pd.Series([1.0])',
            ]),
            ('✘ rembrandt.fragments_per_painting: a DataFrame is not a '
                'number. Hint: Give one number: fragments divided by paintings.', [
                "pd.DataFrame({'a': [1]})",
            ]),
            ('✘ rembrandt.fragments_per_painting: a float is not a number. '
                'Hint: Give one number: fragments divided by paintings.', [
                "float('nan')", "float('inf')",
            ]),
            ('✘ rembrandt.fragments_per_painting: not the ratio the data '
                'gives. Hint: You divided the wrong way round: fragments go on '
                'top.', [
                '0.5',
            ]),
            ('✘ rembrandt.fragments_per_painting: a Timedelta is not a '
                'number. Hint: Give one number: fragments divided by paintings.', [
                'pd.Timedelta(days=3)',
            ]),
            ('✘ rembrandt.fragments_per_painting: a timedelta is not a '
                'number. Hint: Give one number: fragments divided by paintings.', [
                'datetime.timedelta(days=3)',
            ]),
            ('✘ rembrandt.fragments_per_painting: a range is not a number. '
                'Hint: Give one number: fragments divided by paintings.', [
                'range(3)',
            ]),
            ('✘ rembrandt.fragments_per_painting: not the ratio the data '
                'gives. Hint: Close: use the exact fragment count in facts.csv, '
                'not a rounded press figure.', [
                '481.5398981791907', '481.69924855491325', '481.8992485549133',
                '482.2992485549133', '483.70574479768777', '485.30924855491327',
                '486.9092485549133', '487.30924855491327', '488.51873728323693',
                '488.7407947976878', '490.30924855491327', '491.0', '491.30924855491327',
            ]),
            ('✔ rembrandt.fragments_per_painting: correct: on average each '
                'painting gave several hundred fragments.', [
                '486.0', '486.30924855491327', '486.31', '486.5524031791907',
                '486.70924855491324',
            ]),
            ('✘ rembrandt.fragments_per_painting: not the ratio the data '
                'gives. Hint: The pixel count describes the new printed image, '
                'not the source paintings: use the fragment count.', [
                '427745.66', '427745.6647398844', '427746.0', '427746.0647398844',
                '427746.26473988435',
            ]),
        ],
        'rembrandt.unsettled_facts': [
            ('✘ rembrandt.unsettled_facts: no answer yet. Hint: Replace the '
                'None in the answer cell above: list the fact_id of every '
                "Rembrandt fact whose status is not 'confirmed'.", [
                'None', "''", "'   '",
            ]),
            ('✘ rembrandt.unsettled_facts: a str is not a list of fact ids. '
                'Hint: Give a list of fact_id values, e.g. the fact_id column of '
                'your filtered table turned into a list with .tolist().', [
                "'abc'", "'12'", "'rembrandt_venue'",
            ]),
            ('✘ rembrandt.unsettled_facts: a bool is not a list of fact ids. '
                'Hint: Give a list of fact_id values, e.g. the fact_id column of '
                'your filtered table turned into a list with .tolist().', [
                'True',
            ]),
            ('✘ rembrandt.unsettled_facts: some items are not fact ids. Hint: '
                'Use the values of the fact_id column, exactly as written.', [
                '[1, 2]', 'pd.Series([1.0])', 'range(3)',
                "['REMBRANDT_VENUE', 'rembrandt_years_after_death']", "['nonsense']",
            ]),
            ('✘ rembrandt.unsettled_facts: a DataFrame is not a list of fact '
                'ids. Hint: Give a list of fact_id values, e.g. the fact_id '
                'column of your filtered table turned into a list with .tolist().', [
                "pd.DataFrame({'a': [1]})", "pd.DataFrame({'fact_id': ['rembrandt_venue']})",
            ]),
            ('✘ rembrandt.unsettled_facts: a float is not a list of fact ids. '
                'Hint: Give a list of fact_id values, e.g. the fact_id column of '
                'your filtered table turned into a list with .tolist().', [
                "float('nan')", "float('inf')", '0.5', '1e6', '1e12',
            ]),
            ('✘ rembrandt.unsettled_facts: a int is not a list of fact ids. '
                'Hint: Give a list of fact_id values, e.g. the fact_id column of '
                'your filtered table turned into a list with .tolist().', [
                '0', '-1', '1', '2', '1000', '1500', '20000', '42',
            ]),
            ('✘ rembrandt.unsettled_facts: a float64 is not a list of fact '
                'ids. Hint: Give a list of fact_id values, e.g. the fact_id '
                'column of your filtered table turned into a list with .tolist().', [
                'np.float64(3.0)',
            ]),
            ('✘ rembrandt.unsettled_facts: a int64 is not a list of fact ids. '
                'Hint: Give a list of fact_id values, e.g. the fact_id column of '
                'your filtered table turned into a list with .tolist().', [
                'np.int64(7)',
            ]),
            ('✘ rembrandt.unsettled_facts: a Timedelta is not a list of fact '
                'ids. Hint: Give a list of fact_id values, e.g. the fact_id '
                'column of your filtered table turned into a list with .tolist().', [
                'pd.Timedelta(days=3)',
            ]),
            ('✘ rembrandt.unsettled_facts: a timedelta is not a list of fact '
                'ids. Hint: Give a list of fact_id values, e.g. the fact_id '
                'column of your filtered table turned into a list with .tolist().', [
                'datetime.timedelta(days=3)',
            ]),
            ('✔ rembrandt.unsettled_facts: correct: these are the figures to '
                'handle with care.', [
                "['rembrandt_venue', 'rembrandt_years_after_death']",
                "('rembrandt_years_after_death', 'rembrandt_venue')",
                "{'rembrandt_venue', 'rembrandt_years_after_death'}",
                "pd.Series(['rembrandt_years_after_death', 'rembrandt_venue'])",
                "[' rembrandt_venue ', 'rembrandt_years_after_death']",
                "['rembrandt_venue', 'rembrandt_venue', 'rembrandt_years_after_death']",
            ]),
            ('✘ rembrandt.unsettled_facts: some unsettled facts are missing. '
                "Hint: More than one status other than 'confirmed' occurs: look "
                'at value_counts() of the status column.', [
                "['rembrandt_venue']",
            ]),
            ('✘ rembrandt.unsettled_facts: some of these facts are confirmed. '
                'Hint: Keep only the rows whose status is something other than '
                "'confirmed'.", [
                "['rembrandt_venue', 'rembrandt_years_after_death', 'rembrandt_fragments']",
                "['rembrandt_fragments']",
            ]),
            ('✘ rembrandt.unsettled_facts: some facts belong to other cases. '
                "Hint: Keep only the rows whose case_id is 'rembrandt'.", [
                "['rembrandt_venue', 'lofter_antiai_views']",
            ]),
        ],
        'rembrandt.years_gap': [
            ('✘ rembrandt.years_gap: no answer yet. Hint: Replace the None in '
                "the answer cell above: compute the years between Rembrandt's "
                'death and the unveiling, as a number.', [
                'None', "''", "'   '",
            ]),
            ('✘ rembrandt.years_gap: a str is not a number of years. Hint: '
                'Give one number, e.g. the result of subtracting two years.', [
                "'abc'",
            ]),
            ('✘ rembrandt.years_gap: not the gap the sources give. Hint: Use '
                'the year in facts.csv (fact_id rembrandt_death_year) and the '
                'year of the date in events.csv (event_id rembrandt_unveiled).', [
                "'12'", '0', '0.5', '1', '2', '1000', 'np.float64(3.0)', 'np.int64(7)',
                '3.4539999999999997', '3.455', '3.47', '3.485', '3.486', '3.51',
                '335.03799999999995', '335.135', '336.59', '338.045', '338.142',
                '340.46999999999997', '344.4', '344.5', '345.0', '345.4', '348.6',
                '348.67425', '348.73499999999996', '348.7743', '348.9', '349.0', '349.1',
                '349.20000000000005', '349.5', '349.6', '350.0', '350.24249999999995',
                '350.34299999999996', '350.58099999999996', '350.68249999999995', '351.1755',
                '351.4', '351.6', '352.0', '352.205', '352.75499999999994',
                '353.72749999999996', '353.829', '356.265',
            ]),
            ('✘ rembrandt.years_gap: a bool is not a number of years. Hint: '
                'Give one number, e.g. the result of subtracting two years.', [
                'True',
            ]),
            ('✘ rembrandt.years_gap: a list is not a number of years. Hint: '
                'Give one number, e.g. the result of subtracting two years.', [
                '[1, 2]',
            ]),
            ('✘ rembrandt.years_gap: a Series is not a number of years. Hint: '
                'Give one number, e.g. the result of subtracting two years.', [
                'pd.Series([1.0])',
            ]),
            ('✘ rembrandt.years_gap: a DataFrame is not a number of years. '
                'Hint: Give one number, e.g. the result of subtracting two years.', [
                "pd.DataFrame({'a': [1]})",
            ]),
            ('✘ rembrandt.years_gap: a float is not a number of years. Hint: '
                'Give one number, e.g. the result of subtracting two years.', [
                "float('nan')", "float('inf')",
            ]),
            ('✘ rembrandt.years_gap: not the gap the sources give. Hint: You '
                'subtracted the wrong way round: the later year comes first.', [
                '-1', '-351.0', '-348.6', '-348.5', '-347.0', '-345.5', '-345.4',
            ]),
            ('✘ rembrandt.years_gap: not the gap the sources give. Hint: That '
                'looks like a year, not a gap between two years: subtract one '
                'from the other.', [
                '1500', '8289.599999999999', '8292.0', '8328.0', '8364.0',
                '8366.400000000001', '8424.0',
            ]),
            ('✘ rembrandt.years_gap: not the gap the sources give. Hint: That '
                'looks like a count of days; the question asks for years.', [
                '20000', '1e6', '1e12', '34540.0', '34550.0', '34700.0', '34850.0',
                '34860.0', '35100.0',
            ]),
            ('✘ rembrandt.years_gap: a Timedelta is not a number of years. '
                'Hint: Give one number, e.g. the result of subtracting two years.', [
                'pd.Timedelta(days=3)',
            ]),
            ('✘ rembrandt.years_gap: a timedelta is not a number of years. '
                'Hint: Give one number, e.g. the result of subtracting two years.', [
                'datetime.timedelta(days=3)',
            ]),
            ('✘ rembrandt.years_gap: a range is not a number of years. Hint: '
                'Give one number, e.g. the result of subtracting two years.', [
                'range(3)',
            ]),
            ('✘ rembrandt.years_gap: not the gap the sources give. Hint: '
                'Nearly: the question asks for the unveiling year minus the '
                'death year, not the completed years counted to the day, and do '
                'not take away one for counting both ends.', [
                '345.5', '345.57269999999994', '345.67275', '345.79999999999995', '345.9',
                '346.0', '346.1', '346.4',
            ]),
            ('✔ rembrandt.years_gap: correct: you checked the essay against '
                'the primary sources.', [
                '346.5', '347.0', '347.12699999999995', '347.1735', '347.22749999999996',
                '347.4', '347.5',
            ]),
            ('✘ rembrandt.years_gap: not the gap the sources give. Hint: '
                'Nearly: subtract the death year from the unveiling year and do '
                'not add or take away one for counting both ends.', [
                '347.6', '348.0', '348.5',
            ]),
            ('✘ rembrandt.years_gap: not the gap the sources give. Hint: That '
                "is the essay's own figure. Compute the gap yourself from the "
                'death year in facts.csv and the unveiling date in events.csv.', [
                '351.0',
            ]),
        ],
    },
    'synthesis': {
        'synthesis.compensation_unclear': [
            ('✘ synthesis.compensation_unclear: no answer yet. Hint: Replace '
                'the None in the answer cell above: a list of the case ids whose '
                "compensation status in comparison.csv is 'unknown' or "
                "'disputed'.", [
                'None', "''", "'   '",
            ]),
            ('✘ synthesis.compensation_unclear: a str is not a list of case '
                "ids. Hint: Give a list such as ['rembrandt', 'lofter'] (the "
                'case_id values).', [
                "'abc'", "'12'", "'belamy'",
            ]),
            ('✘ synthesis.compensation_unclear: a bool is not a list of case '
                "ids. Hint: Give a list such as ['rembrandt', 'lofter'] (the "
                'case_id values).', [
                'True',
            ]),
            ('✘ synthesis.compensation_unclear: some of these are not main '
                'case ids. Hint: Use the values of the case_id column, e.g. '
                "'rembrandt'.", [
                '[1, 2]', 'pd.Series([1.0])', 'range(3)', "['nonsense']",
                "['belamy', 'nonsense']", "['carlini']",
            ]),
            ('✘ synthesis.compensation_unclear: a DataFrame is not a list of '
                "case ids. Hint: Give a list such as ['rembrandt', 'lofter'] "
                '(the case_id values).', [
                "pd.DataFrame({'a': [1]})", "pd.DataFrame({'case_id': ['belamy']})",
            ]),
            ('✘ synthesis.compensation_unclear: a float is not a list of case '
                "ids. Hint: Give a list such as ['rembrandt', 'lofter'] (the "
                'case_id values).', [
                "float('nan')", "float('inf')", '0.5', '1e6', '1e12',
            ]),
            ('✘ synthesis.compensation_unclear: a int is not a list of case '
                "ids. Hint: Give a list such as ['rembrandt', 'lofter'] (the "
                'case_id values).', [
                '0', '-1', '1', '2', '1000', '1500', '20000', '42',
            ]),
            ('✘ synthesis.compensation_unclear: a float64 is not a list of '
                "case ids. Hint: Give a list such as ['rembrandt', 'lofter'] "
                '(the case_id values).', [
                'np.float64(3.0)',
            ]),
            ('✘ synthesis.compensation_unclear: a int64 is not a list of case '
                "ids. Hint: Give a list such as ['rembrandt', 'lofter'] (the "
                'case_id values).', [
                'np.int64(7)',
            ]),
            ('✘ synthesis.compensation_unclear: a Timedelta is not a list of '
                "case ids. Hint: Give a list such as ['rembrandt', 'lofter'] "
                '(the case_id values).', [
                'pd.Timedelta(days=3)',
            ]),
            ('✘ synthesis.compensation_unclear: a timedelta is not a list of '
                "case ids. Hint: Give a list such as ['rembrandt', 'lofter'] "
                '(the case_id values).', [
                'datetime.timedelta(days=3)',
            ]),
            ('✔ synthesis.compensation_unclear: correct: for these cases the '
                'sources leave the money unclear.', [
                "['belamy', 'christies', 'trik']", "('trik', 'belamy', 'christies')",
                "['Belamy', ' christies ', 'TRIK']",
                "pd.Series(['trik', 'christies', 'belamy'])",
            ]),
            ('✘ synthesis.compensation_unclear: not the cases the comparison '
                'table gives. Hint: Some are missing: keep the rows whose status '
                'is either of the two words.', [
                "['belamy', 'trik']", "['belamy']",
            ]),
            ('✘ synthesis.compensation_unclear: not the cases the comparison '
                'table gives. Hint: Keep only the compensation rows whose status '
                "is 'unknown' or 'disputed'; 'partly' and 'no' are answers the "
                'sources do give.', [
                "['belamy', 'christies', 'trik', 'lofter']", "['rembrandt']",
                "['lofter', 'belamy']",
            ]),
            ('✘ synthesis.compensation_unclear: not the cases the comparison '
                'table gives. Hint: Filter the rows whose dimension is '
                "'compensation' first.", [
                "['belamy', 'belamy', 'christies', 'trik']",
            ]),
        ],
        'synthesis.per_pair_share': [
            ('✘ synthesis.per_pair_share: no answer yet. Hint: Replace the '
                "None in the answer cell above: Belamy's price divided by the "
                'number of image-text pairs in LAION-5B, in US dollars '
                '(facts.csv).', [
                'None', "''", "'   '",
            ]),
            ('✘ synthesis.per_pair_share: a str is not a number. Hint: Give '
                'one number (US dollars per pair), without a currency sign or '
                'quotation marks.', [
                "'abc'",
            ]),
            ('✘ synthesis.per_pair_share: not the share the facts give. Hint: '
                'Divide belamy_price by carlini_laion5b_pairs (facts.csv, '
                'value_num); the result is much smaller than one dollar.', [
                "'12'", '0', '-1', '0.5', '1', '2', '1000', '1500', '20000', '1e6', '1e12',
                'np.float64(3.0)', 'np.int64(7)', '-73931.62393162394',
                '-13526.011560693642', '-28.833333333333332', '-0.9999260683760683',
                '-0.9998754215384615', '-0.9926068376068377', '-0.007393162393162393',
                '-0.00012457846153846153', '-7.393162393162393e-05', '0.0',
                '7.393162393162393e-07', '1.2457846153846152e-06', '7.171367521367521e-05',
                '7.504059829059828e-05', '0.00012084110769230769', '0.00012644713846153845',
                '0.0017743589743589743', '0.002989883076923077', '0.007171367521367521',
                '0.007504059829059828', '0.01', '0.012457846153846153',
                '0.17743589743589744', '0.28833333333333333', '0.4000739316239316',
                '0.4001245784615385', '0.4073931623931624', '0.6000739316239316',
                '0.6001245784615384', '0.6073931623931623', '0.7393162393162394',
                '1.0000739316239315', '1.0001245784615385', '1.0073931623931625',
                '27.833333333333332', '27.96833333333333', '29.23333333333333',
                '29.26583333333333', '29.433333333333334', '29.833333333333332',
                '135.2601156069364', '692.0', '739.3162393162394', '2883.333333333333',
                '13120.231213872832', '13728.901734104045', '71713.67521367522',
                '75040.59829059828', '324624.27745664737', '1352601.1560693642',
                '1774358.9743589745', '7393162.393162394',
            ]),
            ('✘ synthesis.per_pair_share: a bool is not a number. Hint: Give '
                'one number (US dollars per pair), without a currency sign or '
                'quotation marks.', [
                'True',
            ]),
            ('✘ synthesis.per_pair_share: a list is not a number. Hint: Give '
                'one number (US dollars per pair), without a currency sign or '
                'quotation marks.', [
                '[1, 2]',
            ]),
            ('✘ synthesis.per_pair_share: a Series is not a number. Hint: '
                'Give one number (US dollars per pair), without a currency sign '
                'or quotation marks.', [
                'pd.Series([1.0])',
            ]),
            ('✘ synthesis.per_pair_share: a DataFrame is not a number. Hint: '
                'Give one number (US dollars per pair), without a currency sign '
                'or quotation marks.', [
                "pd.DataFrame({'a': [1]})",
            ]),
            ('✘ synthesis.per_pair_share: a float is not a number. Hint: Give '
                'one number (US dollars per pair), without a currency sign or '
                'quotation marks.', [
                "float('nan')", "float('inf')",
            ]),
            ('✘ synthesis.per_pair_share: a Timedelta is not a number. Hint: '
                'Give one number (US dollars per pair), without a currency sign '
                'or quotation marks.', [
                'pd.Timedelta(days=3)',
            ]),
            ('✘ synthesis.per_pair_share: a timedelta is not a number. Hint: '
                'Give one number (US dollars per pair), without a currency sign '
                'or quotation marks.', [
                'datetime.timedelta(days=3)',
            ]),
            ('✘ synthesis.per_pair_share: a range is not a number. Hint: Give '
                'one number (US dollars per pair), without a currency sign or '
                'quotation marks.', [
                'range(3)',
            ]),
            ('✔ synthesis.per_pair_share: correct: a tiny fraction of one cent per pair.', [
                '7.393162393162393e-05', '7.396858974358974e-05', '7.430128205128205e-05',
            ]),
            ('✘ synthesis.per_pair_share: not the share the facts give. Hint: '
                'Use the Belamy price, as the exercise asks.', [
                '0.00012457846153846153', '0.00012464075076923075', '0.00012520135384615382',
            ]),
            ('✔ synthesis.per_pair_share: correct, in US cents: a small '
                'fraction of one cent per pair.', [
                '0.007393162393162393', '0.007396858974358974', '0.007430128205128205',
            ]),
            ('✘ synthesis.per_pair_share: not the share the facts give. Hint: '
                "That is the share over Belamy's own training set; use the "
                'LAION-5B pairs.', [
                '28.83', '28.833333333333332', '28.847749999999998', '28.977499999999996',
                '29.0',
            ]),
            ('✘ synthesis.per_pair_share: not the share the facts give. Hint: '
                'You divided the wrong way round: dollars go on top.', [
                '13525.011560693642', '13526.0', '13526.01', '13526.011560693642',
                '13526.411560693641', '13526.611560693642', '13527.011560693642',
                '13532.774566473987', '13593.641618497108',
            ]),
            ('✘ synthesis.per_pair_share: not the share the facts give. Hint: '
                'The table holds the full count: do not divide by the number of '
                'billions.', [
                '73930.62393162394', '73931.62', '73931.62393162394', '73932.0',
                '73932.02393162393', '73932.22393162394', '73932.62393162394',
                '73968.58974358975', '74301.28205128205',
            ]),
        ],
        'synthesis.per_portrait_share': [
            ('✘ synthesis.per_portrait_share: no answer yet. Hint: Replace '
                "the None in the answer cell above: Belamy's price divided by "
                'the number of portraits that trained its GAN, in US dollars '
                '(facts.csv).', [
                'None', "''", "'   '",
            ]),
            ('✘ synthesis.per_portrait_share: a str is not a number. Hint: '
                'Give one number (US dollars per portrait), without a currency '
                'sign or quotation marks.', [
                "'abc'",
            ]),
            ('✘ synthesis.per_portrait_share: not the share the facts give. '
                'Hint: Divide belamy_price by belamy_training_portraits '
                '(facts.csv, value_num).', [
                "'12'", '0', '-1', '0.5', '1', '2', '1000', '1500', '20000', '1e6', '1e12',
                'np.float64(3.0)', 'np.int64(7)', '-39318.181818181816', '-1250.0',
                '-28.833333333333332', '-28.8', '-0.9653179190751445', '-0.6666666666666666',
                '-0.33333333333333337', '-0.03468208092485549', '0.0',
                '0.0003468208092485549', '0.006666666666666666', '0.03',
                '0.033641618497109824', '0.03485549132947976', '0.03520231213872832',
                '0.28800000000000003', '0.28833333333333333', '0.4346820809248555',
                '0.6346820809248555', '0.6466666666666666', '0.6699999999999999', '0.67',
                '0.6766666666666665', '0.8323699421965317', '1.0', '1.0346820809248556',
                '1.0666666666666667', '1.2666666666666666', '1.6666666666666665',
                '3.4682080924855487', '12.5', '16.0', '27.8', '27.833333333333332', '27.936',
                '27.96833333333333', '28.847749999999998', '28.944', '28.977499999999996',
                '29.0', '29.2', '29.232', '29.23333333333333', '29.26583333333333',
                '29.400000000000002', '29.433333333333334', '29.8', '29.833333333333332',
                '66.66666666666666', '393.1818181818182', '691.2', '692.0', '1212.5',
                '1256.2499999999998', '1268.7499999999998', '2880.0', '2883.333333333333',
                '30000.0', '38138.63636363636', '39514.77272727272', '39907.95454545454',
                '125000.0', '943636.3636363635', '3931818.1818181816',
            ]),
            ('✘ synthesis.per_portrait_share: a bool is not a number. Hint: '
                'Give one number (US dollars per portrait), without a currency '
                'sign or quotation marks.', [
                'True',
            ]),
            ('✘ synthesis.per_portrait_share: a list is not a number. Hint: '
                'Give one number (US dollars per portrait), without a currency '
                'sign or quotation marks.', [
                '[1, 2]',
            ]),
            ('✘ synthesis.per_portrait_share: a Series is not a number. Hint: '
                'Give one number (US dollars per portrait), without a currency '
                'sign or quotation marks.', [
                'pd.Series([1.0])',
            ]),
            ('✘ synthesis.per_portrait_share: a DataFrame is not a number. '
                'Hint: Give one number (US dollars per portrait), without a '
                'currency sign or quotation marks.', [
                "pd.DataFrame({'a': [1]})",
            ]),
            ('✘ synthesis.per_portrait_share: a float is not a number. Hint: '
                'Give one number (US dollars per portrait), without a currency '
                'sign or quotation marks.', [
                "float('nan')", "float('inf')",
            ]),
            ('✘ synthesis.per_portrait_share: a Timedelta is not a number. '
                'Hint: Give one number (US dollars per portrait), without a '
                'currency sign or quotation marks.', [
                'pd.Timedelta(days=3)',
            ]),
            ('✘ synthesis.per_portrait_share: a timedelta is not a number. '
                'Hint: Give one number (US dollars per portrait), without a '
                'currency sign or quotation marks.', [
                'datetime.timedelta(days=3)',
            ]),
            ('✘ synthesis.per_portrait_share: a range is not a number. Hint: '
                'Give one number (US dollars per portrait), without a currency '
                'sign or quotation marks.', [
                'range(3)',
            ]),
            ('✘ synthesis.per_portrait_share: not the share the facts give. '
                'Hint: You divided the wrong way round: dollars go on top.', [
                '0.03468208092485549', '0.03469942196531792',
            ]),
            ('✘ synthesis.per_portrait_share: not the share the facts give. '
                'Hint: Use the price paid, not the estimate.', [
                '0.6666666666666666', '0.6669999999999999',
            ]),
            ('✘ synthesis.per_portrait_share: not the share the facts give. '
                'Hint: Use the checked price in facts.csv, not a rounded one '
                "from the press: did you include the buyer's premium?", [
                '28.8', '28.8144',
            ]),
            ('✔ synthesis.per_portrait_share: correct: that is each '
                "portrait's equal share of the price.", [
                '28.83', '28.833333333333332',
            ]),
            ('✘ synthesis.per_portrait_share: not the share the facts give. '
                'Hint: That training set belongs to another case.', [
                '1249.0', '1250.0', '1250.4', '1250.6', '1250.625', '1251.0',
            ]),
            ('✘ synthesis.per_portrait_share: not the share the facts give. '
                'Hint: Divide by the portraits that trained the model, not the '
                'Belamy family series.', [
                '39317.181818181816', '39318.0', '39318.18', '39318.181818181816',
                '39318.58181818182', '39318.781818181815', '39319.181818181816',
                '39337.840909090904',
            ]),
        ],
        'synthesis.policy': [
            ('✘ synthesis.policy: no answer yet. Hint: Replace the None in '
                'the answer cell above: a dict with the keys consent, credit, '
                'compensation, transparency and redress, each a sentence or more '
                'of text.', [
                'None', "''", "'   '",
            ]),
            ('✘ synthesis.policy: a str is not a policy. Hint: Fill in the '
                "dict with one entry per part, e.g. {'consent': '...', ...}.", [
                "'abc'", "'12'", "'consent'",
            ]),
            ('✘ synthesis.policy: a bool is not a policy. Hint: Fill in the '
                "dict with one entry per part, e.g. {'consent': '...', ...}.", [
                'True',
            ]),
            ('✘ synthesis.policy: a list is not a policy. Hint: Fill in the '
                "dict with one entry per part, e.g. {'consent': '...', ...}.", [
                '[1, 2]', "['consent']",
            ]),
            ('✘ synthesis.policy: a Series is not a policy. Hint: Fill in the '
                "dict with one entry per part, e.g. {'consent': '...', ...}.", [
                'pd.Series([1.0])',
            ]),
            ('✘ synthesis.policy: a DataFrame is not a policy. Hint: Fill in '
                "the dict with one entry per part, e.g. {'consent': '...', ...}.", [
                "pd.DataFrame({'a': [1]})",
            ]),
            ('✘ synthesis.policy: a float is not a policy. Hint: Fill in the '
                "dict with one entry per part, e.g. {'consent': '...', ...}.", [
                "float('nan')", "float('inf')", '0.5', '1e6', '1e12',
            ]),
            ('✘ synthesis.policy: a int is not a policy. Hint: Fill in the '
                "dict with one entry per part, e.g. {'consent': '...', ...}.", [
                '0', '-1', '1', '2', '1000', '1500', '20000', '42',
            ]),
            ('✘ synthesis.policy: a float64 is not a policy. Hint: Fill in '
                "the dict with one entry per part, e.g. {'consent': '...', ...}.", [
                'np.float64(3.0)',
            ]),
            ('✘ synthesis.policy: a int64 is not a policy. Hint: Fill in the '
                "dict with one entry per part, e.g. {'consent': '...', ...}.", [
                'np.int64(7)',
            ]),
            ('✘ synthesis.policy: a Timedelta is not a policy. Hint: Fill in '
                "the dict with one entry per part, e.g. {'consent': '...', ...}.", [
                'pd.Timedelta(days=3)',
            ]),
            ('✘ synthesis.policy: a timedelta is not a policy. Hint: Fill in '
                "the dict with one entry per part, e.g. {'consent': '...', ...}.", [
                'datetime.timedelta(days=3)',
            ]),
            ('✘ synthesis.policy: a range is not a policy. Hint: Fill in the '
                "dict with one entry per part, e.g. {'consent': '...', ...}.", [
                'range(3)',
            ]),
            ('✔ synthesis.policy: all 5 parts are there; the rubric judges the rest.', [
                "dict.fromkeys('consent credit compensation transparency "
                "redress'.split(), 'a b c')",
            ]),
            ('✘ synthesis.policy: 1 of 5 parts missing or too short: redress. '
                'Hint: Write at least a full sentence for each part: what the '
                'platform will do, and for whom.', [
                "dict.fromkeys('consent credit compensation transparency'.split(), 'a b c')",
            ]),
            ('✘ synthesis.policy: 4 of 5 parts missing or too short: credit, '
                'compensation, transparency, redress. Hint: Write at least a '
                'full sentence for each part: what the platform will do, and for '
                'whom.', [
                "{'consent': 'ask every artist first', 'credit': 'name'}",
            ]),
            ('✘ synthesis.policy: 5 of 5 parts missing or too short: consent, '
                'credit, compensation, transparency, redress. Hint: Write at '
                'least a full sentence for each part: what the platform will do, '
                'and for whom.', [
                "{'consent': 'x'}", "{'other': 'a b c d'}",
            ]),
        ],
    },
    'trik': {
        'trik.days_to_measures': [
            ('✘ trik.days_to_measures: no answer yet. Hint: Replace the None '
                "in the answer cell above: the number of days from Snow Fish's "
                "first accusation to the day China's Interim Measures took "
                'effect, from events.csv.', [
                'None', "''", "'   '",
            ]),
            ('✘ trik.days_to_measures: got str, not a number of days. Hint: '
                'Give a whole number of days, e.g. the .days of a date '
                'difference.', [
                "'abc'",
            ]),
            ('✘ trik.days_to_measures: not the right number of days. Hint: '
                'Use trik_first_accusation and trik_measures_in_force in '
                'events.csv.', [
                "'12'", '0', '0.5', '1', '2', '1000', '1500', '20000', '1e6', '1e12',
                'np.float64(3.0)', 'np.int64(7)', 'pd.Timedelta(days=3)',
                'datetime.timedelta(days=3)', '3', '4', '5', '6', '7', '8', '9', '10', '11',
                '12', '13', '18', '19', '20', '21', '22', '23', '24', '25', '26', '27', '28',
                '29', '30', '31', '32', '34', '35', '36', '37', '38', '39', '75', '76', '77',
                '78', '79', '80', '81', '82', '83', '84', '85', '86', '87', '88', '89', '90',
                '91', '92', '93', '94', 'pd.Timedelta(days=0)', 'datetime.timedelta(days=0)',
                'float(0)', 'pd.Timedelta(days=1)', 'datetime.timedelta(days=1)', 'float(1)',
                'pd.Timedelta(days=2)', 'datetime.timedelta(days=2)', 'float(2)', 'float(3)',
                'pd.Timedelta(days=24)', 'datetime.timedelta(days=24)', 'float(24)',
                'pd.Timedelta(days=82)', 'datetime.timedelta(days=82)', 'float(82)',
                'pd.Timedelta(days=83)', 'datetime.timedelta(days=83)', 'float(83)',
                'pd.Timedelta(days=84)', 'datetime.timedelta(days=84)', 'float(84)',
                'pd.Timedelta(days=87)', 'datetime.timedelta(days=87)', 'float(87)',
                'pd.Timedelta(days=2, hours=12)', 'datetime.timedelta(hours=48)', '2.5',
            ]),
            ('✘ trik.days_to_measures: got bool, not a number of days. Hint: '
                'Give a whole number of days, e.g. the .days of a date '
                'difference.', [
                'True',
            ]),
            ('✘ trik.days_to_measures: got list, not a number of days. Hint: '
                'Give a whole number of days, e.g. the .days of a date '
                'difference.', [
                '[1, 2]',
            ]),
            ('✘ trik.days_to_measures: got a pandas Series (a column of '
                'values), not a number of days. Hint: Take the single value out, '
                'e.g. with .iloc[0], or index the table by its id column first '
                "(.set_index('event_id') or 'fact_id') so a lookup gives one "
                'value.', [
                'pd.Series([1.0])',
            ]),
            ('✘ trik.days_to_measures: got a whole table (DataFrame), not a '
                'number of days. Hint: Select the column you need, then take the '
                'value(s) out of it.', [
                "pd.DataFrame({'a': [1]})",
            ]),
            ('✘ trik.days_to_measures: got float, not a number of days. Hint: '
                'Give a whole number of days, e.g. the .days of a date '
                'difference.', [
                "float('nan')", "float('inf')",
            ]),
            ('✘ trik.days_to_measures: a negative number of days. Hint: '
                'Subtract the earlier date from the later one.', [
                '-1', '-87', '-83', '-82', '-40', '-39', '-38', '-37', '-36', '-35', '-34',
                '-33', '-32', '-31', '-30', '-29', '-28', '-27', '-26', '-25', '-24', '-23',
                '-22', '-21', '-20', '-19', '-18', '-17', '-16', '-15', '-14', '-13', '-12',
                '-11', '-10', '-9', '-8', '-7', '-6', '-5', '-4', '-3', '-2',
            ]),
            ('✘ trik.days_to_measures: got range, not a number of days. Hint: '
                'Give a whole number of days, e.g. the .days of a date '
                'difference.', [
                'range(3)',
            ]),
            ('✘ trik.days_to_measures: not the right number of days. Hint: '
                "That starts from CNN's month; start from the first accusation "
                'in events.csv.', [
                '14',
            ]),
            ('✘ trik.days_to_measures: not the right number of days. Hint: '
                'That starts from the evidence post; start from the first '
                'accusation.', [
                '15',
            ]),
            ('✔ trik.days_to_measures: right: the accusation came weeks '
                'before the Measures applied.', [
                '16', 'pd.Timedelta(days=16)', 'datetime.timedelta(days=16)', 'float(16)',
            ]),
            ('✘ trik.days_to_measures: not the right number of days. Hint: '
                'Did you count both end days? Subtract the dates.', [
                '17', 'pd.Timedelta(days=17)', 'datetime.timedelta(days=17)', 'float(17)',
            ]),
            ('✘ trik.days_to_measures: not the right number of days. Hint: '
                'That is from publication to entry into force; start from the '
                'first accusation.', [
                '33', 'pd.Timedelta(days=33)', 'datetime.timedelta(days=33)', 'float(33)',
            ]),
            ('✘ trik.days_to_measures: got timedelta64, not a number of days. '
                'Hint: Give a whole number of days, e.g. the .days of a date '
                'difference.', [
                "np.timedelta64(0, 'D')", "np.timedelta64(1, 'D')", "np.timedelta64(2, 'D')",
                "np.timedelta64(3, 'D')", "np.timedelta64(16, 'D')",
                "np.timedelta64(17, 'D')", "np.timedelta64(24, 'D')",
                "np.timedelta64(33, 'D')", "np.timedelta64(82, 'D')",
                "np.timedelta64(83, 'D')", "np.timedelta64(84, 'D')",
                "np.timedelta64(87, 'D')",
            ]),
        ],
        'trik.extraction_rate': [
            ('✘ trik.extraction_rate: no answer yet. Hint: Replace the None '
                'in the answer cell above: the share of Stable Diffusion '
                'generations that gave back a training image under the strict '
                'test (carlini_strict / carlini_generations in facts.csv), as a '
                'fraction.', [
                'None', "''", "'   '",
            ]),
            ('✘ trik.extraction_rate: got str, not a number. Hint: Give one '
                'number: extractions divided by generations.', [
                "'abc'",
            ]),
            ('✘ trik.extraction_rate: not the extraction rate. Hint: The rate '
                'is extractions per generation, so it must be far below 1: check '
                'which number goes on top.', [
                "'12'", '2', '1000', '1500', '20000', '1e6', '1e12', 'np.float64(3.0)',
                'np.int64(7)', '1.000000537142857', '1.0000006228571428',
                '1.0000537142857142', '1.0000622857142858', '1.0002685714285715',
            ]),
            ('✘ trik.extraction_rate: got bool, not a number. Hint: Give one '
                'number: extractions divided by generations.', [
                'True',
            ]),
            ('✘ trik.extraction_rate: got list, not a number. Hint: Give one '
                'number: extractions divided by generations.', [
                '[1, 2]',
            ]),
            ('✘ trik.extraction_rate: got a pandas Series (a column of '
                'values), not one number. Hint: Take the single value out, e.g. '
                'with .iloc[0], or index the table by its id column first '
                "(.set_index('event_id') or 'fact_id') so a lookup gives one "
                'value.', [
                'pd.Series([1.0])',
            ]),
            ('✘ trik.extraction_rate: got a whole table (DataFrame), not one '
                'number. Hint: Select the column you need, then take the '
                'value(s) out of it.', [
                "pd.DataFrame({'a': [1]})",
            ]),
            ('✘ trik.extraction_rate: got float, not a number. Hint: Give one '
                'number: extractions divided by generations.', [
                "float('nan')", "float('inf')",
            ]),
            ('✘ trik.extraction_rate: not the extraction rate. Hint: Divide '
                'the strict extractions by the number of generated images '
                '(facts.csv).', [
                '0', '-1', '0.5', '1', '-0.9999994628571428', '-0.9999993771428571',
                '-0.9999462857142857', '-0.9999377142857143', '-0.9997314285714286',
                '-0.00026857142857142856', '-6.22857142857143e-05',
                '-5.3714285714285714e-05', '-6.228571428571429e-07',
                '-5.371428571428571e-07', '0.0', '5.371428571428571e-09',
                '6.2285714285714286e-09', '5.210285714285714e-07', '5.451999999999999e-07',
                '6.041714285714286e-07', '6.322e-07', '2.6857142857142855e-06',
                '1.2891428571428572e-05', '1.494857142857143e-05', '5.210285714285714e-05',
                '5.451999999999999e-05', '6.0417142857142864e-05', '6.322000000000001e-05',
                '0.0002605142857142857', '0.00027259999999999996', '0.0012891428571428572',
                '0.001494857142857143', '0.005371428571428571', '0.00622857142857143',
                '0.0064457142857142855', '0.026857142857142857', '0.40000053714285716',
                '0.4000006228571429', '0.4000537142857143', '0.40006228571428576',
                '0.4002685714285715', '0.6000005371428572', '0.6000006228571428',
                '0.6000537142857143', '0.6000622857142857', '0.6002685714285714',
            ]),
            ('✘ trik.extraction_rate: got Timedelta, not a number. Hint: Give '
                'one number: extractions divided by generations.', [
                'pd.Timedelta(days=3)',
            ]),
            ('✘ trik.extraction_rate: got timedelta, not a number. Hint: Give '
                'one number: extractions divided by generations.', [
                'datetime.timedelta(days=3)',
            ]),
            ('✘ trik.extraction_rate: got range, not a number. Hint: Give one '
                'number: extractions divided by generations.', [
                'range(3)',
            ]),
            ('✔ trik.extraction_rate: right: memorisation happened, but very rarely.', [
                '5.371428571428571e-07', '5.374114285714285e-07', '5.398285714285713e-07',
            ]),
            ('✘ trik.extraction_rate: not the extraction rate. Hint: That '
                'count includes the near-copies found by manual review; use the '
                'strict test.', [
                '6.228571428571429e-07', '6.231685714285714e-07', '6.259714285714286e-07',
                '6.22857142857143e-05', '6.231685714285714e-05', '6.259714285714286e-05',
            ]),
            ('✔ trik.extraction_rate: right (as a percentage): memorisation '
                'happened, but very rarely.', [
                '5.3714285714285714e-05', '5.3741142857142856e-05', '5.398285714285714e-05',
            ]),
            ('✘ trik.extraction_rate: not the extraction rate. Hint: You '
                'divided by the captions tried; each caption gave many images, '
                'so divide by the generations.', [
                '0.00026857142857142856', '0.0002687057142857143', '0.0002699142857142857',
            ]),
        ],
        'trik.start_gap': [
            ('✘ trik.start_gap: no answer yet. Hint: Replace the None in the '
                'answer cell above: a pair (fewest, most): the days from Snow '
                "Fish's first accusation to any date within the month CNN gives "
                'for the start of the dispute.', [
                'None', "''", "'   '",
            ]),
            ('✘ trik.start_gap: got str, not a pair of numbers. Hint: Give '
                'two numbers in brackets, e.g. (fewest, most).', [
                "'abc'", "'12'", "'2, 32'",
            ]),
            ('✘ trik.start_gap: got bool, not a pair of numbers. Hint: Give '
                'two numbers in brackets, e.g. (fewest, most).', [
                'True',
            ]),
            ('✘ trik.start_gap: not the right range of days. Hint: Check '
                'which event is the first accusation (not the evidence posted '
                'later) and subtract dates without counting both ends.', [
                '[1, 2]', '(1, 31)', '(3, 33)', '(1, 32)',
            ]),
            ('✘ trik.start_gap: got Series, not a pair of numbers. Hint: Give '
                'two numbers in brackets, e.g. (fewest, most).', [
                'pd.Series([1.0])',
            ]),
            ('✘ trik.start_gap: got DataFrame, not a pair of numbers. Hint: '
                'Give two numbers in brackets, e.g. (fewest, most).', [
                "pd.DataFrame({'a': [1]})",
            ]),
            ('✘ trik.start_gap: got float, not a pair of numbers. Hint: Give '
                'two numbers in brackets, e.g. (fewest, most).', [
                "float('nan')", "float('inf')", '0.5', '1e6', '1e12',
            ]),
            ('✘ trik.start_gap: got int, not a pair of numbers. Hint: Give '
                'two numbers in brackets, e.g. (fewest, most).', [
                '0', '-1', '1', '2', '1000', '1500', '20000', '42',
            ]),
            ('✘ trik.start_gap: got float64, not a pair of numbers. Hint: '
                'Give two numbers in brackets, e.g. (fewest, most).', [
                'np.float64(3.0)',
            ]),
            ('✘ trik.start_gap: got int64, not a pair of numbers. Hint: Give '
                'two numbers in brackets, e.g. (fewest, most).', [
                'np.int64(7)',
            ]),
            ('✘ trik.start_gap: got Timedelta, not a pair of numbers. Hint: '
                'Give two numbers in brackets, e.g. (fewest, most).', [
                'pd.Timedelta(days=3)',
            ]),
            ('✘ trik.start_gap: got timedelta, not a pair of numbers. Hint: '
                'Give two numbers in brackets, e.g. (fewest, most).', [
                'datetime.timedelta(days=3)',
            ]),
            ('✘ trik.start_gap: got range, not a pair of numbers. Hint: Give '
                'two numbers in brackets, e.g. (fewest, most).', [
                'range(3)',
            ]),
            ('✔ trik.start_gap: right: a month-precise date leaves a whole month of doubt.', [
                '(2, 32)', '[32, 2]', '(2.0, 32.0)',
                '(pd.Timedelta(days=2), pd.Timedelta(days=32))', '{2, 32}',
                'np.array([2, 32])', 'pd.Series([2, 32])',
            ]),
            ('✘ trik.start_gap: not the right range of days. Hint: You gave '
                "one gap twice. CNN's date is precise only to the month: the "
                'dispute could have started on its first or its last day.', [
                '(2, 2)', '(32, 32)',
            ]),
            ('✘ trik.start_gap: not the right range of days. Hint: The fewest '
                "is right; for the most, use the last day of CNN's month.", [
                '(2, 31)', '(2, 33)',
            ]),
            ('✘ trik.start_gap: not the right range of days. Hint: Use '
                'trik_first_accusation and trik_cnn_start in events.csv, and the '
                'date_precision column.', [
                '(0, 30)', '(5, 40)',
            ]),
            ('✘ trik.start_gap: got tuple, not a pair of numbers. Hint: Give '
                'two numbers in brackets, e.g. (fewest, most).', [
                '(2, 32, 40)', '(2,)', "(2, 'x')",
            ]),
        ],
    },
}


def _mismatches(module: str) -> list[str]:
    names = {"pd": pd, "np": np, "datetime": datetime}
    wrong = []
    for exercise_id, groups in TABLES[module].items():
        for line, answers in groups:
            for expression in answers:
                got = evaluate(exercise_id, eval(expression, names)).line()  # noqa: S307
                if got != line:
                    wrong.append(f"{exercise_id}({expression}):\n  was {line}\n  now {got}")
    return wrong


@pytest.mark.parametrize("module", sorted(TABLES))
def test_every_verdict_line_is_unchanged(module):
    assert _mismatches(module) == []


def test_the_table_covers_right_and_wrong_answers_for_every_exercise():
    for groups in (g for table in TABLES.values() for g in table.values()):
        marks = {line[0] for line, _ in groups}
        assert marks == {"\u2714", "\u2718"}
